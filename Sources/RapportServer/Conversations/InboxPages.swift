import Foundation
import Hummingbird
import RapportCore

/// `/inbox`: the conversation list with its filters and counts, the open conversation's
/// thread, the composer, the actions, and the customer beside it. `/inbox/{id}/thread` and
/// `/inbox/list` give the parts the page's script swaps in when something changes.
struct InboxPages {
    /// The composer: `text` as typed, and `mode` `note` for a private note (anything else is a reply).
    struct MessageForm: Decodable {
        let mode: String
        let text: String
        /// The list's filters to go back to, as sent (checked by `back`).
        let query: String
    }

    /// An action button's form (`InboxAction`): the action and the one field it takes.
    struct ActionForm: Decodable {
        let action: String
        let assigneeID: String?
        let snoozeFor: String
        let label: String?
        let priority: ConversationPriority?
        /// The list's filters to go back to, as sent (checked by `back`).
        let query: String
    }

    let conversations: ConversationService
    let inboxes: InboxService
    let views: InboxViews
    let pages: WebPages
    let clock: any WallClock

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("inbox") { request, context in try await page(request, context: context, selected: nil) }
        group.get("inbox/list", use: listFragment)
        group.get("inbox/:id") { request, context in try await page(request, context: context, selected: try id(context)) }
        group.get("inbox/:id/thread", use: threadFragment)
        group.post("inbox/:id/messages", use: write)
        group.post("inbox/:id/actions", requiring: .workConversations, use: act)
    }

    func page(
        _ request: Request, context: SignedInRequestContext, selected: String?, draft: InboxDraft? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        let query = InboxQuery(request)
        var view = try await views.list(query: query, selected: selected, actor: actor)
        if let selected {
            view.conversation = try await views.conversation(id: selected, query: query, draft: draft, actor: actor)
        }
        let title = selected == nil ? "Inbox" : "Conversation"
        return try pages.render("inbox", context, title: title, section: "inbox", view: view, status: status)
    }

    @Sendable func listFragment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let selected = request.uri.queryParameters["selected"].map(String.init)
        let view = try await views.list(query: InboxQuery(request), selected: selected, actor: context.actor)
        return try pages.templates.page("inbox_list", view)
    }

    @Sendable func threadFragment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let conversation = try await views.conversation(id: try id(context), query: InboxQuery(request), draft: nil, actor: context.actor)
        return try pages.fragment("inbox_thread_fragment", context, section: "inbox", view: InboxThreadFragmentView(conversation: conversation))
    }

    /// The composer: a reply goes to the customer's channel, a note stays inside the team.
    /// A refused message comes back with its text kept and the reason beside it.
    @Sendable func write(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let conversationID = try id(context)
        // Every field is a plain `String`: decoding cannot fail, so it stays outside the `do` and the draft keeps the text.
        let input = try form.decode(MessageForm.self)
        let isNote = input.mode == "note"
        let text = input.text
        do {
            let reply = ReplyInput(text: text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text, isPrivate: isNote)
            _ = try await conversations.reply(conversationID: conversationID, reply, as: context.actor)
        } catch RapportError.invalid(let problems) {
            let draft = InboxDraft(text: text, isNote: isNote, error: problems.map { WebFormat.problem($0) }.joined(separator: " "))
            return try await page(request, context: context, selected: conversationID, draft: draft, status: .unprocessableContent)
        }
        return WebRedirect.to(back(input.query, conversationID))
    }

    @Sendable func act(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let conversationID = try id(context)
        let input = try form.decode(ActionForm.self)
        let actor = context.actor
        let action = try InboxAction.parse(input, actor: actor, now: clock.now())
        _ = try await conversations.act(action, conversationID: conversationID, as: actor)
        return WebRedirect.to(back(input.query, conversationID))
    }

    /// Back to the conversation with the list's filters as they were.
    private func back(_ query: String, _ conversationID: String) -> String {
        // Scalars, not characters: "\r\n" is one Swift Character, equal to neither "\r" nor "\n".
        let safe = query.hasPrefix("?") && query.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
        return "/inbox/\(conversationID)\(safe ? query : "")"
    }

    private func id(_ context: SignedInRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .conversation) else { throw RapportError.notFound("No conversation \(id.prefix(64)).") }
        return id
    }
}
