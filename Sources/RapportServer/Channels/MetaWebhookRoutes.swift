import Foundation
import HTTPTypes
import Hummingbird
import RapportChannels
import RapportCore

/// `/webhooks/whatsapp|messenger|instagram/{inbox_id}`: Meta's subscription handshake (GET)
/// and its signed deliveries (POST). The `X-Hub-Signature-256` is checked over the raw body
/// with the inbox's app secret before anything is parsed.
struct MetaWebhookRoutes {
    let inboxes: InboxService
    let conversations: ConversationService

    static let signatureHeader = HTTPField.Name("X-Hub-Signature-256")!

    func register(on router: RouterGroup<RapportRequestContext>) {
        for channel in [InboxChannel.whatsapp, .messenger, .instagram] {
            router.get(RouterPath(SiteURL.route("inbox_id") { .channelWebhook(channel: channel, inboxID: $0) })) { request, context in
                try await handshake(request, context: context, channel: channel)
            }
            router.post(RouterPath(SiteURL.route("inbox_id") { .channelWebhook(channel: channel, inboxID: $0) })) { request, context in
                try await receive(request, context: context, channel: channel)
            }
        }
    }

    private func inbox(_ context: RapportRequestContext, _ channel: InboxChannel) async throws -> Inbox {
        try await inboxes.inbox(id: try context.parameters.require("inbox_id"), channel: channel)
    }

    /// Meta checks a new callback URL with `hub.mode=subscribe`, the verify token it was given
    /// and a challenge to echo back.
    @Sendable func handshake(_ request: Request, context: RapportRequestContext, channel: InboxChannel) async throws -> Response {
        let inbox = try await inbox(context, channel)
        let query = request.uri.queryParameters
        guard query.get("hub.mode") == "subscribe", let token = query.get("hub.verify_token"),
            let expected = inbox[.verifyToken],
            WebhookSignature.constantTimeEquals(String(token), expected),
            let challenge = query.get("hub.challenge")
        else {
            throw HTTPError(.forbidden, message: "hub.mode must be subscribe and hub.verify_token must match the inbox's verify_token.")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: String(challenge))))
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext, channel: InboxChannel) async throws -> Response {
        let inbox = try await inbox(context, channel)
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let signature = request.headers[Self.signatureHeader],
            WebhookSignature.isValidMetaSignature(signature, body: body.readableBytesView, appSecret: inbox[.appSecret] ?? "")
        else {
            throw RapportError.unauthorized("The X-Hub-Signature-256 signature does not match this inbox's app secret.")
        }
        let root = JSONValue.object(try JSONObjectReader.object(from: Array(body.readableBytesView)))
        let payload = channel == .whatsapp ? WhatsAppWebhook.payload(root) : MetaMessagingWebhook.payload(root)
        let outcome = try await conversations.receive(payload, inbox: inbox)
        return try JSONResponse.make(ChannelWebhookResponse(outcome: outcome))
    }
}
