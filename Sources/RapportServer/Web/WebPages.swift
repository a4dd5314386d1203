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
        let frame = try PageFrame(title: title, section: section, signedIn: context.signedIn).templateValues()
        return try templates.page(template, values: frame.merging(try view.templateValues()) { _, page in page }, status: status)
    }

    /// A part of a page the browser swaps in (the inbox's thread), with the frame's values its
    /// forms need (the CSRF token) but no layout.
    func fragment(_ template: String, _ context: some WorkspaceRequestContext, section: String, view: some TemplateView) throws -> Response {
        let frame = try PageFrame(title: "", section: section, signedIn: context.signedIn).templateValues()
        return try templates.page(template, values: frame.merging(try view.templateValues()) { _, page in page })
    }

    func error(_ context: some WorkspaceRequestContext, status: HTTPResponse.Status, title: String, message: String) throws -> Response {
        try render("error", context, title: title, section: "", view: ErrorPageView(heading: title, message: message), status: status)
    }

    /// Where a user lands after signing in: agents and managers in the inbox, marketers among customers.
    static func home(for actor: Actor) -> String {
        actor.may(.readConversations) ? "/inbox" : "/customers"
    }
}
