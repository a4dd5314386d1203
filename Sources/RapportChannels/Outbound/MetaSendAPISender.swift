import Foundation
import RapportCore

/// Sends through Meta's Send API for Messenger and Instagram: `POST /{version}/{page_id}/messages`
/// with the page access token, to the customer's page-scoped (or Instagram-scoped) id.
public struct MetaSendAPISender: ChannelSender {
    public let channel: InboxChannel
    let http: OutboundHTTP

    public init(channel: InboxChannel, http: OutboundHTTP) {
        self.channel = channel
        self.http = http
    }

    public func send(_ outbound: OutboundMessage) async throws -> String {
        let inbox = outbound.inbox
        let base = inbox[.apiBaseURL] ?? WhatsAppSender.graphBaseURL
        let url = "\(base)/\(WhatsAppSender.graphVersion)/\(inbox[.pageID] ?? "")/messages"
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("message"); writer.beginObject(); writer.key("text"); writer.string(outbound.message.text ?? ""); writer.endObject()
        writer.key("messaging_type"); writer.string("RESPONSE")
        writer.key("recipient"); writer.beginObject(); writer.key("id"); writer.string(outbound.conversation.contact); writer.endObject()
        writer.endObject()
        let provider = channel == .instagram ? "Instagram" : "Messenger"
        let answer: OutboundHTTP.Answer
        do {
            answer = try await http.post(url, headers: [
                ("Authorization", "Bearer \(inbox[.pageAccessToken] ?? "")"), ("Content-Type", "application/json"),
            ], body: writer.text)
        } catch {
            throw ProviderAnswer.unreachable(provider: provider, error)
        }
        guard (200..<300).contains(answer.status) else {
            throw ProviderAnswer.failure(provider: provider, status: answer.status, body: answer.body)
        }
        guard let id = (try? JSONParser.parse(Array(answer.body.utf8)))?["message_id"]?.text else {
            throw JobFailure.retry("\(provider) answered without a message id: \(answer.body.prefix(200))")
        }
        return id
    }
}
