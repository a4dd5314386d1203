import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportChannels
import RapportCore

/// The web chat: `GET /widget.js` (the embeddable widget) and, under `/chat/{inbox_id}/`,
/// `sessions` (who is writing: an anonymous visitor, or a shop user whose id the shop
/// signed with the inbox's identity secret), `messages` (send, and read back the thread)
/// and `stream` (the agent's replies as Server-Sent Events). Every call after `sessions`
/// carries the session token, an HMAC of the contact under the inbox's identity secret.
struct WebChatRoutes {
    let inboxes: InboxService
    let conversations: ConversationService
    let hub: LiveHub

    static let widget: ByteBuffer = {
        let url = Bundle.module.url(forResource: "widget", withExtension: "js")
        return ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
    }()

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.get("widget.js") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.widget))
        }
        router.on("chat/:inbox_id/sessions", method: .options) { request, context in try await preflight(request, context) }
        router.on("chat/:inbox_id/messages", method: .options) { request, context in try await preflight(request, context) }
        router.post("chat/:inbox_id/sessions") { request, context in try await startSession(request, context) }
        router.post("chat/:inbox_id/messages") { request, context in try await send(request, context) }
        router.get("chat/:inbox_id/messages") { request, context in try await history(request, context) }
        router.get("chat/:inbox_id/stream") { request, context in try await stream(request, context) }
    }

    private func inbox(_ context: RapportRequestContext) async throws -> Inbox {
        try await inboxes.inbox(id: try context.parameters.require("inbox_id"), channel: .webchat)
    }

    static func token(for contact: ChatContact, inbox: Inbox) -> String {
        WebhookSignature.hexHMACSHA256(Data("rapport-chat:\(contact.address)".utf8), secret: inbox.settings["identity_secret"] ?? "")
    }

    private func corsHeaders(_ inbox: Inbox) -> HTTPFields {
        var headers = HTTPFields()
        headers[.accessControlAllowOrigin] = inbox.settings["allowed_origin"] ?? "*"
        headers[.accessControlAllowHeaders] = "Content-Type"
        headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        return headers
    }

    private func json(_ value: some JSONWritable, inbox: Inbox, status: HTTPResponse.Status = .ok) -> Response {
        var response = JSONResponse.make(value, status: status)
        for field in corsHeaders(inbox) { response.headers.append(field) }
        return response
    }

    @Sendable func preflight(_ request: Request, _ context: RapportRequestContext) async throws -> Response {
        Response(status: .noContent, headers: corsHeaders(try await inbox(context)))
    }

    /// `{visitor_id, user_id?, user_hash?}` → `{contact, token}`.
    @Sendable func startSession(_ request: Request, _ context: RapportRequestContext) async throws -> Response {
        let inbox = try await inbox(context)
        var body = try await JSONObjectReader.body(of: request, context: context)
        let visitor = body.requiredString("visitor_id", maxLength: 100)
        let userID = body.string("user_id", maxLength: 200)
        let hash = body.string("user_hash", maxLength: 200)
        try body.finish()
        let contact: ChatContact
        if let userID {
            guard let hash, WebhookSignature.isValidHexHMACSHA256(hash, message: Data(userID.utf8), secret: inbox.settings["identity_secret"] ?? "")
            else { throw RapportError.unauthorized("user_hash must be the hex HMAC-SHA256 of user_id under the inbox's identity secret.") }
            contact = .user(userID)
        } else {
            guard let visitor, visitor.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw RapportError.invalid(field: "visitor_id", "must be letters, digits and dashes")
            }
            contact = .visitor(visitor)
        }
        return json(ChatSessionResponse(contact: contact.address, token: Self.token(for: contact, inbox: inbox)), inbox: inbox)
    }

    private func contact(_ address: String?, token: String?, inbox: Inbox) throws -> ChatContact {
        guard let address, let contact = ChatContact(address: address), let token,
            WebhookSignature.constantTimeEquals(token, Self.token(for: contact, inbox: inbox))
        else { throw RapportError.unauthorized("Start a chat session first; its contact and token go with every call.") }
        return contact
    }

    /// The session named by `?contact=…&token=…`.
    private func contact(of request: Request, inbox: Inbox) throws -> ChatContact {
        let query = request.uri.queryParameters
        return try contact(query.get("contact").map { String($0) }, token: query.get("token").map { String($0) }, inbox: inbox)
    }

    /// `{contact, token, client_id, text}`: the visitor writes. `client_id` makes a resend harmless.
    @Sendable func send(_ request: Request, _ context: RapportRequestContext) async throws -> Response {
        let inbox = try await inbox(context)
        var body = try await JSONObjectReader.body(of: request, context: context)
        let address = body.requiredString("contact", maxLength: 300)
        let token = body.requiredString("token", maxLength: 200)
        let clientID = body.requiredString("client_id", maxLength: 100)
        let text = body.requiredString("text", maxLength: 5000)
        try body.finish()
        let contact = try contact(address, token: token, inbox: inbox)
        let inbound = InboundMessage(providerMessageID: "chat:\(contact.address):\(clientID ?? "")", from: contact.address, kind: .text, text: text)
        let outcome = try await conversations.receive(ChannelPayload(messages: [inbound]), inbox: inbox)
        return json(ChannelWebhookResponse(outcome: outcome), inbox: inbox, status: .created)
    }

    @Sendable func history(_ request: Request, _ context: RapportRequestContext) async throws -> Response {
        let inbox = try await inbox(context)
        let contact = try contact(of: request, inbox: inbox)
        let messages = try await conversations.chatHistory(contact: contact, inbox: inbox)
        return json(ChatHistoryResponse(messages: messages), inbox: inbox)
    }

    @Sendable func stream(_ request: Request, _ context: RapportRequestContext) async throws -> Response {
        let inbox = try await inbox(context)
        let contact = try contact(of: request, inbox: inbox)
        let subscription = hub.subscribe(workspaceID: inbox.workspaceID, inboxIDs: [inbox.id], contact: contact.address)
        var headers = corsHeaders(inbox)
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            try await LiveRoutes.pump(subscription.updates, to: &writer, customerView: true)
            try await writer.finish(nil)
        })
    }
}
