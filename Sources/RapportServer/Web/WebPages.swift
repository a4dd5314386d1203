import Foundation
import Hummingbird
import RapportCore

/// Renders the workspace's pages inside the frame every page shares: the navigation the
/// signed-in user's role allows, their name, and the CSRF token forms repeat.
struct WebPages: Sendable {
    let templates: WebTemplates

    func render(
        _ template: String, _ context: some WorkspaceRequestContext, title: String, section: String, view: some TemplateView,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let framed = FramedPage(frame: PageFrame(title: title, section: section, signedIn: context.signedIn), page: view)
        return try templates.page(template, framed, status: status)
    }

    func error(_ context: some WorkspaceRequestContext, status: HTTPResponse.Status, title: String, message: String) throws -> Response {
        try render("error", context, title: title, section: "", view: ErrorPageView(heading: title, message: message), status: status)
    }

    /// Where a user lands after signing in: agents and managers in the inbox, marketers among customers.
    static func home(for actor: Actor) -> String {
        actor.may(.readConversations) ? "/inbox" : "/customers"
    }
}
