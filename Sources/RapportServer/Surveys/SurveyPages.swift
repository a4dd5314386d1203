import Foundation
import Hummingbird
import RapportCore

/// A survey's page for the customer (`/survey/{id}/{signature}`): the link from the message is
/// the only credential, a forged one is a 404. Opening it records nothing (mail scanners open
/// links); the answer is the form's `POST`, and so is "no more surveys" (`refuse`).
struct SurveyPages {
    let surveys: SurveyService
    let users: UserService
    let pages: WebPages

    struct Form: Decodable {
        let score: Int?
        let comment: String?
        let refuse: String?
    }

    func register(on group: RouterGroup<RapportRequestContext>) {
        let route = RouterPath(SiteURL.surveyRoute)
        group.get(route) { request, context in
            let (id, signature) = (try context.parameters.require("survey_id"), try context.parameters.require("signature"))
            return try render(try await surveys.page(surveyID: id, signature: signature), signature: signature, context: context)
        }
        group.post(route) { request, context in
            let (id, signature) = (try context.parameters.require("survey_id"), try context.parameters.require("signature"))
            // The link sits in the conversation every agent sees: a survey is the customer's to answer.
            if try await SessionCookie.isSignedIn(request, users: users) {
                throw RapportError.forbidden("You are signed in to the workspace: a survey is the customer's to answer. Open the link signed out.")
            }
            let form = try await WebForm.read(request, context: context, checkingCSRF: false).decode(Form.self)
            if form.refuse != nil {
                let page = try await surveys.refuse(
                    surveyID: id, signature: signature, witness: .person(request, peerAddress: context.peerAddress))
                return try render(page, signature: signature, context: context)
            }
            guard let score = form.score else { throw RapportError.invalid(field: "score", "is required: choose a number") }
            do {
                _ = try await surveys.answer(surveyID: id, signature: signature, score: score, comment: form.comment)
            } catch RapportError.gone {
                // Closed, or answered already with another score: the page says so in the
                // customer's language (closed, or their answer), with the refusal's status.
                return try render(try await surveys.page(surveyID: id, signature: signature), signature: signature, context: context, status: .gone)
            } catch RapportError.conflict {
                return try render(try await surveys.page(surveyID: id, signature: signature), signature: signature, context: context, status: .conflict)
            }
            return try render(try await surveys.page(surveyID: id, signature: signature), signature: signature, context: context)
        }
    }

    private func render(_ page: SurveyPage, signature: String, context: RapportRequestContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let action = SiteURL.survey(surveyID: page.survey.id, signature: signature).path
        let view = SurveyPageView(page, action: action)
        return try pages.render("survey", context, title: view.words.title, section: "survey", view: view, status: status)
    }
}
