import Foundation
import Hummingbird
import RapportCore

/// Renders the workspace's pages inside the frame every page shares: the navigation the
/// signed-in user's role allows, their name, and the CSRF token forms repeat.
struct WebPages: Sendable {
    let templates: WebTemplates

    func render(
        _ template: String, _ context: some WorkspaceRequestContext, title: String, section: String, values: [String: Any],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var all = frame(context, title: title, section: section)
        all.merge(values) { _, page in page }
        return try templates.page(template, all, status: status)
    }

    func error(_ context: some WorkspaceRequestContext, status: HTTPResponse.Status, title: String, message: String) throws -> Response {
        try render("error", context, title: title, section: "", values: ["heading": title, "message": message], status: status)
    }

    /// Where a user lands after signing in: agents and managers in the inbox, marketers among customers.
    static func home(for actor: Actor) -> String {
        actor.may(.readConversations) ? "/inbox" : "/customers"
    }

    func frame(_ context: some WorkspaceRequestContext, title: String, section: String) -> [String: Any] {
        var values: [String: Any] = ["title": title, "section_\(section)": true]
        if let signedIn = context.signedIn {
            let actor = signedIn.actor
            values["csrf"] = signedIn.session.csrfToken
            values["user"] = [
                "name": signedIn.user.name, "email": signedIn.user.email, "role": signedIn.user.role.rawValue,
                "initials": WebFormat.initials(signedIn.user.name),
            ]
            values["nav"] = [
                "inbox": actor.may(.readConversations), "dashboard": actor.may(.viewDashboard), "bot": actor.may(.manageBot),
                "insights": actor.may(.viewInsights),
                "settings": actor.may(.manageTeamSetup) || actor.may(.manageUsers),
            ]
        }
        return values
    }
}
