import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportChannels
import RapportCore

/// The web chat: `GET /widget.js` (the embeddable widget) and, under `/chat/{inbox_id}/`,
/// `sessions` (Rapport names a new visitor, renews a visitor's session, or takes a shop user
/// whose id the shop signed with the inbox's identity secret), `messages` (send, and read back
/// the thread) and `stream` (the agent's replies as Server-Sent Events). Every call after
/// `sessions` carries the session token (`ChatSessionToken`) as `Authorization: Bearer …`.
/// When the inbox names `allowed_origin`s, only pages there are answered.
struct WebChatRoutes {
    let inboxes: InboxService
    let conversations: ConversationService
    let hub: LiveHub
    let clock: any WallClock
    /// New visitors per inbox and client address, and per workspace.
    let newVisitors: RateLimiter?
    let newVisitorsPerWorkspace: RateLimiter?

    init(inboxes: InboxService, conversations: ConversationService, hub: LiveHub, limits: RateLimits, clock: any WallClock) {
        self.clock = clock
        self.inboxes = inboxes
        self.conversations = conversations
        self.hub = hub
        self.newVisitors = limits.chatVisitors.map(RateLimiter.init)
        self.newVisitorsPerWorkspace = limits.chatVisitorsPerWorkspace.map(RateLimiter.init)
    }

    static let widget = BundledScript(resource: "widget")

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.get("widget.js") { _, _ in Self.widget.response }
        for path in ["sessions", "messages", "stream"] {
            router.on("chat/:inbox_id/\(path)", method: .options) { request, context in
                try await answer(request, context) { _, _, _ in Response(status: .noContent) }
            }
        }
        router.post("chat/:inbox_id/sessions") { request, context in try await answer(request, context, startSession) }
        router.post("chat/:inbox_id/messages") { request, context in try await answer(request, context, send) }
        router.get("chat/:inbox_id/messages") { request, context in try await answer(request, context, history) }
        router.get("chat/:inbox_id/stream") { request, context in try await answer(request, context, stream) }
    }

    /// A chat call: the inbox's origin rule first (a page elsewhere is refused and learns
    /// nothing), then the handler; its answer, errors included, carries the CORS headers the
    /// widget needs to read it.
    private func answer(
        _ request: Request, _ context: RapportRequestContext,
        _ handler: (Request, RapportRequestContext, Inbox) async throws -> Response
    ) async throws -> Response {
        let inbox = try await inboxes.inbox(id: try context.parameters.require("inbox_id"), channel: .webchat)
        let origin = try ChatOrigins(setting: inbox[.allowedOrigin]).admit(request.headers[.origin])
        var response: Response
        do {
            response = try await handler(request, context, inbox)
        } catch {
            response = ProblemMiddleware().response(for: error, request: request, context: context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization"
        response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        response.headers[.accessControlMaxAge] = "600"
        response.headers[.accessControlExposeHeaders] = "Retry-After"
        return response
    }

    private func secret(of inbox: Inbox) throws -> String {
        guard let secret = inbox[.identitySecret], !secret.isEmpty else {
            throw RapportError.forbidden("This chat inbox has no identity secret; an admin sets one before it takes visitors.")
        }
        return secret
    }

    /// `{}` (a new visitor), `{token}` (renew a visitor's session, expired up to 30 days) or
    /// `{user_id, user_hash}` (a signed shop user) → `{contact, token, expires_at}`.
    @Sendable func startSession(_ request: Request, _ context: RapportRequestContext, _ inbox: Inbox) async throws -> Response {
        let secret = try secret(of: inbox)
        var body = try await JSONObjectReader.body(of: request, context: context)
        let userID = body.string("user_id", maxLength: 200)
        let hash = body.string("user_hash", maxLength: 200)
        let previous = body.string("token", maxLength: 1024)
        try body.finish()
        let now = clock.now()
        let contact: ChatContact
        if let userID {
            guard let hash, WebhookSignature.isValidHexHMACSHA256(hash, message: Data(userID.utf8), secret: secret)
            else { throw RapportError.unauthorized("user_hash must be the hex HMAC-SHA256 of user_id under the inbox's identity secret.") }
            contact = .user(userID)
        } else if let previous {
            guard let token = ChatSessionToken.verified(previous, inboxID: inbox.id, secret: secret), token.isRenewable(at: now)
            else { throw RapportError.unauthorized("This session cannot be renewed; start a new one without a token.") }
            contact = token.contact
        } else {
            let client = ClientAddress.network(request, context: context) ?? "unknown"
            // The address first: one flooding client does not use up the workspace's share.
            try await newVisitors?.take(inbox.id + "|" + client, now: now)
            try await newVisitorsPerWorkspace?.take(inbox.workspaceID, now: now)
            contact = .visitor(UUID().uuidString.lowercased())
        }
        let token = ChatSessionToken.issue(inboxID: inbox.id, contact: contact, now: now)
        return try JSONResponse.make(ChatSessionResponse(contact: contact.address, token: token.encoded(secret: secret), expiresAt: token.expiresAt))
    }

    /// The session the request's `Authorization: Bearer` token stands for, unexpired.
    private func session(of request: Request, inbox: Inbox) throws -> ChatSessionToken {
        if request.uri.queryParameters.get("token") != nil {
            throw RapportError.unauthorized("Send the chat token in the Authorization header, not in the URL.")
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            let token = ChatSessionToken.verified(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), inboxID: inbox.id, secret: try secret(of: inbox))
        else { throw RapportError.unauthorized("Start a chat session first; its token goes with every call as Authorization: Bearer.") }
        guard !token.isExpired(at: clock.now()) else { throw RapportError.unauthorized("The chat session has expired; renew it.") }
        return token
    }

    /// `{client_id, text}`: the visitor writes. `client_id` makes a resend harmless.
    @Sendable func send(_ request: Request, _ context: RapportRequestContext, _ inbox: Inbox) async throws -> Response {
        let contact = try session(of: request, inbox: inbox).contact
        var body = try await JSONObjectReader.body(of: request, context: context)
        let clientID = body.requiredString("client_id", maxLength: 100)
        let text = body.requiredString("text", maxLength: 5000)
        try body.finish()
        let inbound = InboundMessage(providerMessageID: "chat:\(contact.address):\(clientID ?? "")", from: contact.address, kind: .text, text: text)
        let outcome = try await conversations.receive(ChannelPayload(messages: [inbound]), inbox: inbox)
        return try JSONResponse.make(ChannelWebhookResponse(outcome: outcome), status: .created)
    }

    @Sendable func history(_ request: Request, _ context: RapportRequestContext, _ inbox: Inbox) async throws -> Response {
        let contact = try session(of: request, inbox: inbox).contact
        let messages = try await conversations.chatHistory(contact: contact, inbox: inbox)
        return try JSONResponse.make(ChatHistoryResponse(messages: messages))
    }

    /// The visitor's stream, until the session expires (the widget renews it and reconnects).
    @Sendable func stream(_ request: Request, _ context: RapportRequestContext, _ inbox: Inbox) async throws -> Response {
        let session = try session(of: request, inbox: inbox)
        let subscription = try hub.subscribeVisitor(
            workspaceID: inbox.workspaceID, inboxID: inbox.id, contact: session.contact.address,
            client: ClientAddress.network(request, context: context))
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            try await LiveRoutes.pump(subscription.updates, to: &writer, customerView: true) { !session.isExpired(at: clock.now()) }
            try await writer.finish(nil)
        })
    }
}
