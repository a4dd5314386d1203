import Foundation
import Hummingbird
import RapportCore

/// `/confirm/{token}`, the link of a sign-up's confirmation e-mail: the `GET` asks (a mail
/// scanner opening the link confirms nothing), the page's button `POST`s and confirms. A forged
/// token is a 404, an expired one a 410.
struct SignUpPages {
    let signUps: SignUpService
    let pages: WebPages

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get(RouterPath(SiteURL.route("token", SiteURL.confirmSignUp)), use: show)
        group.post(RouterPath(SiteURL.route("token", SiteURL.confirmSignUp)), use: confirm)
    }

    @Sendable func show(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let page = try await signUps.page(token: token)
        return try render(page, token: token, context: context, asked: request.uri.queryParameters.get("lang"))
    }

    @Sendable func confirm(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await WebForm.read(request, context: context, checkingCSRF: false)
        let shown = try await signUps.page(token: token)
        let words = PreferenceWording.choose(asked: form["lang"], locale: shown.locale)
        let page = try await signUps.confirm(
            token: token, witness: .person(request, peerAddress: context.peerAddress),
            question: words.confirmation(shown.purposes) + " [\(words.lang)]")
        return try render(page, token: token, context: context, asked: form["lang"])
    }

    private func render(_ page: SignUpPage, token: String, context: RapportRequestContext, asked: String?) throws -> Response {
        let words = PreferenceWording.choose(asked: asked, locale: page.locale)
        let view = UnsubscribePageView(
            lang: words.lang, action: SiteURL.confirmSignUp(token: token).path, heading: words.confirmTitle,
            greeting: words.confirmAddress.replacingOccurrences(of: "%@", with: page.address),
            question: page.text ?? words.confirmation(page.purposes), button: words.confirmButton,
            done: page.confirmed ? words.confirmed : nil)
        return try pages.render("unsubscribe", context, title: words.confirmTitle, section: "preferences", view: view)
    }
}
