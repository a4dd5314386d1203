import Foundation
import Hummingbird
import RapportCore

/// `/inbox`: the conversation list with its filters and counts, the open conversation's
/// thread, the composer, the actions, and the customer beside it. `/inbox/{id}/thread` and
/// `/inbox/list` give the parts the page's script swaps in when something changes.
struct InboxPages {
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
        var values = try await views.list(query: query, selected: selected, actor: actor)
        if let selected {
            values["conversation"] = try await views.conversation(id: selected, query: query, draft: draft, actor: actor)
        }
        let title = selected == nil ? "Inbox" : "Conversation"
        return try pages.render("inbox", context, title: title, section: "inbox", values: values, status: status)
    }

    @Sendable func listFragment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let selected = request.uri.queryParameters["selected"].map(String.init)
        let values = try await views.list(query: InboxQuery(request), selected: selected, actor: context.actor)
        return try pages.templates.page("inbox_list", values)
    }

    @Sendable func threadFragment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let conversation = try await views.conversation(id: try id(context), query: InboxQuery(request), draft: nil, actor: context.actor)
        var values = pages.frame(context, title: "", section: "inbox")
        values["conversation"] = conversation
        return try pages.templates.page("inbox_thread_fragment", values)
    }

    /// The composer: a reply goes to the customer's channel, a note stays inside the team.
    /// A refused message comes back with its text kept and the reason beside it.
    @Sendable func write(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let conversationID = try id(context)
        let isNote = form["mode"] == "note"
        let text = form["text"] ?? ""
        do {
            _ = try await conversations.reply(
                conversationID: conversationID, ReplyInput(text: text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text, isPrivate: isNote),
                as: context.actor)
        } catch RapportError.invalid(let problems) {
            let draft = InboxDraft(text: text, isNote: isNote, error: problems.map { WebFormat.problem($0) }.joined(separator: " "))
            return try await page(request, context: context, selected: conversationID, draft: draft, status: .unprocessableContent)
        }
        return WebRedirect.to(back(form, conversationID))
    }

    @Sendable func act(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let conversationID = try id(context)
        let actor = context.actor
        let action = try InboxAction.parse(form, actor: actor, now: clock.now())
        _ = try await conversations.act(action, conversationID: conversationID, as: actor)
        return WebRedirect.to(back(form, conversationID))
    }

    /// Back to the conversation with the list's filters as they were.
    private func back(_ form: WebForm, _ conversationID: String) -> String {
        // Scalars, not characters: "\r\n" is one Swift Character, equal to neither "\r" nor "\n".
        let query = form["query"].flatMap { $0.hasPrefix("?") && $0.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) ? $0 : nil } ?? ""
        return "/inbox/\(conversationID)\(query)"
    }

    private func id(_ context: SignedInRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .conversation) else { throw RapportError.notFound("No conversation \(id.prefix(64)).") }
        return id
    }
}
