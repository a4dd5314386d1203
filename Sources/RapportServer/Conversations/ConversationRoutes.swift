import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/conversations`: list and read conversations, write in them (replies and private
/// notes) and act on them (assign, snooze, resolve, reopen, label, prioritise).
struct ConversationRoutes {
    let conversations: ConversationService
    let clock: any WallClock

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("conversations", use: list)
        group.post("conversations", requiring: .workConversations, use: start)
        group.get("conversations/:id", use: show)
        group.get("conversations/:id/messages", use: messages)
        group.post("conversations/:id/messages", requiring: .workConversations, use: reply)
        group.post("conversations/:id/assign", requiring: .workConversations, use: assign)
        group.post("conversations/:id/unassign") { request, context in try await act(.unassign, context) }
        group.post("conversations/:id/resolve") { request, context in try await act(.resolve, context) }
        group.post("conversations/:id/reopen") { request, context in try await act(.reopen, context) }
        group.post("conversations/:id/snooze", requiring: .workConversations, use: snooze)
        group.post("conversations/:id/labels", requiring: .workConversations, use: labels)
        group.post("conversations/:id/priority", requiring: .workConversations, use: priority)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let result = try await conversations.conversations(
            filter: try ConversationRequests.filter(request), page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: result.items.map(ConversationResponse.init), hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(ConversationResponse(try await conversations.conversation(id: try id(context), as: context.actor)))
    }

    @Sendable func messages(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let result = try await conversations.messages(conversationID: try id(context), page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: result.items.map(MessageResponse.init), hasMore: result.hasMore, lastID: result.items.last?.id))
    }

    @Sendable func reply(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let input = ConversationRequests.reply(&body)
        try body.finish()
        let message = try await conversations.reply(conversationID: try id(context), input, as: context.actor)
        return try JSONResponse.make(MessageResponse(message), status: .created)
    }

    /// `{inbox_id, customer_id, direction?: outgoing|incoming, message: {…reply fields}}`:
    /// an agent starts a conversation, or logs a store visit or call (`store` inboxes).
    @Sendable func start(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let inboxID = body.requiredString("inbox_id", maxLength: 64)
        let customerID = body.requiredString("customer_id", maxLength: 64)
        let direction = CommerceRequests.enumeration(&body, "direction", MessageDirection.self) ?? .outgoing
        var input = ReplyInput()
        if let value = body.any("message") {
            input = body.nested(value, at: "message", ConversationRequests.reply) ?? input
        } else {
            body.fail("message", "is required")
        }
        try body.finish()
        let (conversation, message) = try await conversations.start(
            inboxID: inboxID ?? "", customerID: customerID ?? "", input, incoming: direction == .incoming,
            as: context.actor)
        return try JSONResponse.make(ConversationStartResponse(conversation: conversation, message: message), status: .created)
    }

    @Sendable func assign(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let agentID = body.string("assignee_id", maxLength: 64)
        let teamID = body.string("team_id", maxLength: 64)
        try body.finish()
        return try await act(.assign(agentID: agentID, teamID: teamID), context)
    }

    @Sendable func snooze(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let until = body.date("until")
        if body.any("until") == nil { body.fail("until", "is required: when the conversation wakes up") }
        try body.finish()
        return try await act(.snooze(until: until ?? clock.now()), context)
    }

    @Sendable func labels(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let add = body.stringArray("add") ?? []
        let remove = body.stringArray("remove") ?? []
        try body.finish()
        return try await act(.label(add: add, remove: remove), context)
    }

    @Sendable func priority(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let priority = CommerceRequests.enumeration(&body, "priority", ConversationPriority.self)
        if body.any("priority") == nil { body.fail("priority", "is required") }
        try body.finish()
        return try await act(.priority(priority ?? .normal), context)
    }

    private func act(_ action: ConversationAction, _ context: AuthenticatedRequestContext) async throws -> Response {
        let changed = try await conversations.act(action, conversationID: try id(context), as: context.actor)
        return try JSONResponse.make(ConversationResponse(changed))
    }

    private func id(_ context: AuthenticatedRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .conversation) else { throw RapportError.notFound("No conversation \(id.prefix(64)).") }
        return id
    }
}
