import Foundation
import RapportChannels
import RapportCore
import Testing

/// Campaign SMS and WhatsApp messages as Twilio's REST API and the WhatsApp Cloud API receive
/// them (a local stand-in records each request): the request format, the id recorded, and
/// which refusals are tried again.
@Suite("Campaign texts through Twilio and the WhatsApp Cloud API")
struct CampaignTextTransportTests {
    static func transport() -> ProviderCampaignTextTransport {
        ProviderCampaignTextTransport(
            http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: true)), statusCallback: { "https://rapport.test/webhooks/twilio/sms/\($0.id)/status" },
            concurrency: 4)
    }

    static func message(_ index: Int, text: String? = nil, template: TemplateMessage? = nil) -> CampaignTextMessage {
        CampaignTextMessage(
            sendID: "cms_\(index)", campaignID: "cmp_1", workspaceID: "wsp_1", address: "+49151000000\(index)", text: text, template: template)
    }

    @Test("SMS: one form POST per message with the inbox's account, number and status callback; a 429 is throttled (tried again, slower), a 400 is refused")
    func twilio() async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        let inbox = Inbox(
            id: "inb_sms", workspaceID: "wsp_1", channel: .sms, name: "SMS",
            settings: ["account_sid": "AC1", "auth_token": "secret", "phone_number": "+4930123456", "api_base_url": twilio.baseURL], teamID: nil,
            slaPolicyID: nil, createdAt: Date())
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SM{{seq}}","status":"queued"}"#)
        let messages = (1...6).map { Self.message($0, text: "Sale \($0)\nReply STOP to opt out") }
        let outcomes = await Self.transport().deliver(messages, through: inbox, deadline: .seconds(10))
        #expect(outcomes.count == 6)
        #expect(outcomes.allSatisfy { if case .sent(let id) = $0 { id.hasPrefix("SM") } else { false } })
        let requests = twilio.requests
        #expect(requests.count == 6 && requests.allSatisfy { $0.path == "/2010-04-01/Accounts/AC1/Messages.json" })
        let credentials = Data("AC1:secret".utf8).base64EncodedString()
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Basic \(credentials)" })
        let bodies = requests.map { Dictionary(FormBody.parse($0.body), uniquingKeysWith: { first, _ in first }) }
        #expect(Set(bodies.compactMap { $0["To"] }) == Set(messages.map(\.address)))
        #expect(bodies.allSatisfy { $0["From"] == "+4930123456" && $0["StatusCallback"] == "https://rapport.test/webhooks/twilio/sms/inb_sms/status" })
        #expect(bodies.first { $0["To"] == "+491510000003" }?["Body"] == "Sale 3\nReply STOP to opt out")

        twilio.script("/Messages.json", status: .tooManyRequests, body: #"{"code":20429,"message":"Too Many Requests","status":429}"#)
        let limited = await Self.transport().deliver([Self.message(1, text: "x")], through: inbox, deadline: .seconds(10))
        guard case .throttled(let reason)? = limited.first else { Issue.record("a 429 is throttled: \(limited)"); return }
        #expect(reason.contains("429") && reason.contains("20429"))
        twilio.script("/Messages.json", status: .badRequest, body: #"{"code":21211,"message":"The 'To' number is not a valid phone number.","status":400}"#)
        let refused = await Self.transport().deliver([Self.message(1, text: "x")], through: inbox, deadline: .seconds(10))
        guard case .refused(let why)? = refused.first else { Issue.record("a 400 is refused: \(refused)"); return }
        #expect(why.contains("21211"))
    }

    @Test("WhatsApp: the template by name and language with its body parameters, to the recipient's id; the answer's wamid is recorded")
    func whatsApp() async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        let inbox = Inbox(
            id: "inb_wa", workspaceID: "wsp_1", channel: .whatsapp, name: "WhatsApp",
            settings: ["phone_number_id": "1098", "access_token": "token", "api_base_url": graph.baseURL], teamID: nil, slaPolicyID: nil, createdAt: Date())
        graph.script("/messages", body: #"{"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"wamid.{{seq}}"}]}"#)
        let template = TemplateMessage(name: "autumn_sale", language: "en_US", parameters: ["Anna", "20%"])
        let outcomes = await Self.transport().deliver([Self.message(1, template: template)], through: inbox, deadline: .seconds(10))
        #expect(outcomes == [.sent(messageID: "wamid.1")])
        let request = try #require(graph.requests.first)
        #expect(request.path == "/\(WhatsAppSender.graphVersion)/1098/messages" && request.headers["authorization"] == "Bearer token")
        let body = request.json
        #expect(body["to"] as? String == "+491510000001" && body["type"] as? String == "template")
        let sent = try #require(body["template"] as? [String: Any])
        #expect(sent["name"] as? String == "autumn_sale")
        #expect((sent["language"] as? [String: Any])?["code"] as? String == "en_US")
        let components = try #require(sent["components"] as? [[String: Any]])
        #expect(components.first?["type"] as? String == "body")
        #expect((components.first?["parameters"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["Anna", "20%"])
    }

    @Test("what the deadline leaves unsent comes back deferred, in order")
    func deadline() async throws {
        let inbox = Inbox(
            id: "inb_sms", workspaceID: "wsp_1", channel: .sms, name: "SMS",
            // Nothing listens on port 9 of a documentation address: the request hangs until the deadline.
            settings: ["account_sid": "AC1", "auth_token": "secret", "phone_number": "+4930123456", "api_base_url": "http://192.0.2.1:9"], teamID: nil,
            slaPolicyID: nil, createdAt: Date())
        let outcomes = await Self.transport().deliver((1...3).map { Self.message($0, text: "x") }, through: inbox, deadline: .milliseconds(300))
        #expect(outcomes.count == 3 && outcomes.allSatisfy { if case .deferred = $0 { true } else { false } })
    }
}
