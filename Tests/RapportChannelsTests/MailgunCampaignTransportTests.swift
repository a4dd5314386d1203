import Foundation
import RapportCore
import RapportTestSupport
import Testing

@testable import RapportChannels

/// Campaign e-mail through Mailgun's `messages.mime`, against a local stand-in that checks the
/// Basic credentials and the form's parts, and answers as Mailgun does: `{"id": "<Message-ID>",
/// "message": "Queued. Thank you."}`, `{"message": …}` for a refusal, `Forbidden` for a bad key
/// (Mailgun API reference, "Send an email in MIME format").
@Suite("Campaign e-mail through Mailgun")
struct MailgunCampaignTransportTests {
    static let key = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"

    /// A `multipart/form-data` body's parts by name: the file name, when it is a file, and the value.
    static func formParts(_ request: LocalProviderAPI.Received) -> [String: (filename: String?, value: String)] {
        guard let type = request.header("Content-Type"), type.hasPrefix("multipart/form-data"),
            let marker = type.range(of: "boundary=")
        else { return [:] }
        let delimiter = "--" + String(type[marker.upperBound...])
        var parts: [String: (filename: String?, value: String)] = [:]
        for chunk in request.text.components(separatedBy: delimiter).dropFirst() where chunk.hasPrefix("\r\n") {
            var part = String(chunk.dropFirst("\r\n".count))
            if part.hasSuffix("\r\n") { part.removeLast("\r\n".count) }
            guard let split = part.range(of: "\r\n\r\n") else { continue }
            let head = part[..<split.lowerBound]
            func parameter(_ name: String) -> String? {
                guard let start = head.range(of: "\(name)=\"") else { return nil }
                return String(head[start.upperBound...].prefix(while: { $0 != "\"" }))
            }
            if let name = parameter(" name") { parts[name] = (parameter("filename"), String(part[split.upperBound...])) }
        }
        return parts
    }

    static func mailgun(_ request: LocalProviderAPI.Received) -> LocalProviderAPI.Reply {
        let credentials = "Basic " + Data("api:\(key)".utf8).base64EncodedString()
        guard request.header("Authorization") == credentials else {
            return LocalProviderAPI.Reply(status: 401, headers: [("Content-Type", "text/plain")], body: "Forbidden")
        }
        guard request.path == "/v3/mg.shop.example/messages.mime" else {
            return LocalProviderAPI.Reply(status: 404, body: #"{"message":"Domain not found: \#(request.path)"}"#)
        }
        let parts = formParts(request)
        guard let to = parts["to"]?.value, let message = parts["message"], message.filename != nil,
            let messageID = CampaignTransportFixtures.header("Message-ID", in: message.value)
        else { return LocalProviderAPI.Reply(status: 400, body: #"{"message":"to parameter is missing"}"#) }
        switch to {
        case CampaignTransportFixtures.busy: return LocalProviderAPI.Reply(status: 429, body: #"{"message":"Too many requests"}"#)
        case CampaignTransportFixtures.refused: return LocalProviderAPI.Reply(status: 400, body: #"{"message":"'to' parameter is not a valid address. please check documentation"}"#)
        default: return LocalProviderAPI.Reply(status: 200, body: #"{"id":"\#(messageID)","message":"Queued. Thank you."}"#)
        }
    }

    static func settings(_ api: LocalProviderAPI, key: String = MailgunCampaignTransportTests.key) -> [String: String] {
        ["email_provider": "mailgun", "api_base_url": api.baseURL, "mailgun_api_key": key, "mailgun_domain": "mg.shop.example", "mailgun_region": "eu"]
    }

    @Test("Mailgun gets Rapport's DKIM-signed message as a file with the recipient, the send's id and tracking off; the id it answers is the Message-ID its events name; 429 throttles, 400 refuses")
    func sendsSignedMIME() async throws {
        let api = try await LocalProviderAPI.start { Self.mailgun($0) }
        defer { api.stop() }
        let key = try DKIMKey.generate(.rsaSHA256)
        let outcomes = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(Self.settings(api), dkim: key))
        #expect(outcomes.first == .sent(messageID: "snd_01jtestann@shop.example"))
        #expect(CampaignTransportFixtures.isThrottled(outcomes[1], saying: "Too many requests"))
        #expect(CampaignTransportFixtures.isRefused(outcomes[2]))

        let request = try #require(api.requests.first { Self.formParts($0)["to"]?.value == CampaignTransportFixtures.accepted })
        let parts = Self.formParts(request)
        #expect(parts["v:send_id"]?.value == "snd_01JTESTANN")
        #expect(parts["o:tracking"]?.value == "no")
        let message = try #require(parts["message"])
        #expect(message.filename == "message.mime")
        let verified = try DKIMCheck.dkimpy(Array(message.value.utf8), record: key.dnsRecord.text)
        #expect(verified.status == 0, "dkimpy: \(verified.output)")
        #expect(CampaignTransportFixtures.header("List-Unsubscribe-Post", in: message.value) == "List-Unsubscribe=One-Click")

        // Mailgun's delivered event names the message by its Message-ID header.
        let event = #"{"signature":{"token":"t1","timestamp":"1767607260","signature":"00"},"event-data":{"id":"Ase7i2zsRYeDXztHGENqRA","timestamp":1767607260.5,"event":"delivered","recipient":"ann@example.com","message":{"headers":{"message-id":"snd_01jtestann@shop.example"}},"user-variables":{"send_id":"snd_01JTESTANN"}}}"#
        #expect(MailgunEventWebhook.read(Array(event.utf8))?.feedback.first?.messageID == "snd_01jtestann@shop.example")
    }

    @Test("a key Mailgun refuses and a domain it does not know defer every message; an account in the EU is sent to api.eu.mailgun.net")
    func keyAndDomainDefer() async throws {
        let api = try await LocalProviderAPI.start { Self.mailgun($0) }
        defer { api.stop() }
        let forbidden = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(Self.settings(api, key: "key-wrong")))
        #expect(forbidden.allSatisfy { CampaignTransportFixtures.isDeferred($0, saying: "Forbidden") })
        var unknown = Self.settings(api)
        unknown["mailgun_domain"] = "mg.elsewhere.example"
        let lost = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(unknown))
        #expect(lost.allSatisfy { CampaignTransportFixtures.isDeferred($0, saying: "Domain not found") })
        #expect(MailgunCampaignAPI.standardBaseURL(region: "eu") == "https://api.eu.mailgun.net")
        #expect(MailgunCampaignAPI.standardBaseURL(region: nil) == "https://api.mailgun.net")
    }
}
