import Foundation
import Hummingbird
import RapportCore

/// `POST /v1/forms/{form}/responses`, beside the tracking calls and with the same write keys:
/// a visitor's answers to a live form. From a browser (an `Origin` header) only the shop origins
/// the form allows are taken; anything else is refused before anything is stored.
struct FormSubmitRoutes {
    let forms: FormService

    func register(on group: RouterGroup<WriteKeyRequestContext>) {
        group.post("forms/:form/responses", use: submit)
        // Browsers ask before sending a write key in a header: `FormCORSMiddleware` answers.
        group.on("forms/:form/responses", method: .options) { _, _ in Response(status: .noContent) }
    }

    @Sendable func submit(_ request: Request, context: WriteKeyRequestContext) async throws -> Response {
        let formID = try PathID.require(context, .form, "form", parameter: "form")
        let bytes = try await TrackingRequests.body(of: request, context: context, limit: TrackingService.maximumEventBytes)
        var body = JSONObjectReader(try JSONObjectReader.object(from: bytes))
        let answers = body.object("answers")
        if answers == nil { body.fail("answers", "is required: an object of the questions' keys and their answers") }
        // Both spellings: the snippet's and Segment's.
        let (anonymousSnake, anonymousCamel) = (body.string("anonymous_id", maxLength: 200), body.string("anonymousId", maxLength: 200))
        let (userSnake, userCamel) = (body.string("user_id", maxLength: 200), body.string("userId", maxLength: 200))
        let anonymousID = anonymousSnake ?? anonymousCamel
        let userID = userSnake ?? userCamel
        let submission = FormSubmission(
            answers: answers ?? [:], anonymousID: anonymousID, userID: userID, submissionID: body.string("submission_id", maxLength: 200),
            consented: body.bool("consent") ?? false, locale: body.string("locale", maxLength: 35))
        let relayed = body.any("context")
        try body.finish()
        let origin = request.headers[.origin].map { FormRules.canonicalOrigin($0) ?? $0 }
        let outcome = try await forms.submit(
            submission, formID: formID, workspaceID: context.key.workspaceID, provenance: context.provenance, origin: origin,
            witness: TrackingRequests.witness(of: request, context: context, relayed: relayed), requestedBy: "api_key:\(context.key.id)")
        return try JSONResponse.make(FormOutcomeResource(outcome), status: .created)
    }
}
