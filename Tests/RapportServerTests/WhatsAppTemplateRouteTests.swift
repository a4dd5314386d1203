import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// `GET /api/v1/inboxes/{id}/whatsapp_templates` end to end: the inbox's business account read
/// from a stand-in Graph API at the inbox's `api_base_url`, answering Meta's documented list.
@Suite("WhatsApp templates route")
struct WhatsAppTemplateRouteTests {
    static let account = "102290129340398"

    /// A WhatsApp inbox on the stand-in Graph API, with the business account id unless left out.
    static func inbox(_ api: APIHarness, graph: FakeProvider, account: String? = WhatsAppTemplateRouteTests.account) async throws -> String {
        let accountSetting = account.map { #","whatsapp_business_account_id":"\#($0)""# } ?? ""
        let created = try await api.send(.post, "/api/v1/inboxes", json: """
            {"channel":"whatsapp","name":"Shop WhatsApp","settings":{"phone_number_id":"1122334455667","access_token":"EAAG-test",
             "app_secret":"wa-secret","verify_token":"let-me-in","api_base_url":"\(graph.baseURL)"\(accountSetting)}}
            """)
        #expect(created.status == .created, "\(created.text)")
        return try #require(created.object["id"] as? String)
    }

    static func field(_ response: TestResponse) -> String? {
        (response.object["errors"] as? [[String: Any]])?.first?["field"] as? String
    }

    @Test("a manager gets the account's templates from the Graph API; an agent is refused", arguments: TestDatabase.available)
    func managerListsAgentRefused(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/\(Self.account)/message_templates", body: try ChannelFixtures.text("message-templates-get-response", "json", in: "whatsapp"))
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, graph: graph)
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let listed = try await WebWorkspaceTests.get(api, "/api/v1/inboxes/\(inboxID)/whatsapp_templates", cookie: manager.cookie)
            #expect(listed.status == .ok, "\(listed.text)")
            #expect(listed.object["object"] as? String == "list" && listed.object["has_more"] as? Bool == false)
            let templates = try #require(listed.object["data"] as? [[String: Any]])
            let template = try #require(templates.first)
            #expect(templates.count == 1)
            #expect(template["object"] as? String == "whatsapp_template")
            #expect(template["name"] as? String == "order_delivery_update" && template["language"] as? String == "en_US")
            #expect(template["status"] as? String == "APPROVED" && template["category"] as? String == "UTILITY")
            #expect((template["body"] as? String)?.hasPrefix("Good news {{1}}! Your order #{{2}}") == true)
            #expect(template["parameters"] as? Int == 2 && template["parameter_names"] as? [String] == ["1", "2"])
            #expect(template["header"] is NSNull && template["footer"] as? String == "To stop receiving delivery updates, tap the button below.")
            let asked = try #require(graph.requests.last)
            #expect(asked.method == "GET" && asked.path == "/v21.0/\(Self.account)/message_templates")
            #expect(asked.headers["authorization"] == "Bearer EAAG-test")

            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let refused = try await WebWorkspaceTests.get(api, "/api/v1/inboxes/\(inboxID)/whatsapp_templates", cookie: agent.cookie)
            #expect(refused.status == .forbidden)
            #expect(graph.requests.count == 1, "a refused role costs no call to Meta")
        }
    }

    @Test("another channel's inbox and a WhatsApp inbox without a business account id are 422s; an unknown inbox a 404", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let sms = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"sms","name":"Shop SMS","settings":{"account_sid":"AC1","auth_token":"t","phone_number":"+4930123456"}}
                """)
            let smsID = try #require(sms.object["id"] as? String, "\(sms.text)")
            let notWhatsApp = try await api.send(.get, "/api/v1/inboxes/\(smsID)/whatsapp_templates")
            #expect(notWhatsApp.status == .unprocessableContent && Self.field(notWhatsApp) == "inbox_id", "\(notWhatsApp.text)")

            let withoutAccount = try await Self.inbox(api, graph: graph, account: nil)
            let unset = try await api.send(.get, "/api/v1/inboxes/\(withoutAccount)/whatsapp_templates")
            #expect(unset.status == .unprocessableContent && Self.field(unset) == "settings.whatsapp_business_account_id", "\(unset.text)")
            #expect(unset.text.contains("is not set"))

            let unknown = try await api.send(.get, "/api/v1/inboxes/inb_01JD8Z0000000000000000000/whatsapp_templates")
            #expect(unknown.status == .notFound)
            #expect(graph.requests.isEmpty, "nothing was asked of Meta")
        }
    }

    @Test("Meta's refusal is a 422 on the account setting with Meta's words; Meta out of reach a 503 to retry", arguments: TestDatabase.available)
    func providerFailures(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, graph: graph)
            graph.script("/message_templates", status: .badRequest, body: #"""
                {"error":{"message":"Unsupported get request. Object with ID '102290129340398' does not exist","type":"GraphMethodException","code":100,"fbtrace_id":"AbC"}}
                """#)
            let refused = try await api.send(.get, "/api/v1/inboxes/\(inboxID)/whatsapp_templates")
            #expect(refused.status == .unprocessableContent && Self.field(refused) == "settings.whatsapp_business_account_id", "\(refused.text)")
            #expect(refused.text.contains("does not exist"))
            graph.script("/message_templates", status: .tooManyRequests, body: #"{"error":{"message":"Too many calls","code":80008}}"#)
            let later = try await api.send(.get, "/api/v1/inboxes/\(inboxID)/whatsapp_templates")
            #expect(later.status == .serviceUnavailable && later.headers[.retryAfter] == "60", "\(later.text)")
        }
    }

    @Test("a WhatsApp campaign is sent only with a template the account lists as approved, in its language, with its parameters", arguments: TestDatabase.available)
    func sendChecksTemplates(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/\(Self.account)/message_templates", body: try ChannelFixtures.text("message-templates-get-response-direct-send", "json", in: "whatsapp"))
        try await APIHarness.run(on: database) { api in
            let inboxID = try await Self.inbox(api, graph: graph)
            let segment = try await api.send(.post, "/api/v1/segments", json: #"{"name":"WhatsApp list","kind":"list"}"#)
            let segmentID = try #require(segment.object["id"] as? String)
            func campaign(_ template: String) async throws -> String {
                let created = try await api.send(.post, "/api/v1/campaigns", json: """
                    {"name":"Delivered","channel":"whatsapp","inbox_id":"\(inboxID)",
                     "definition":{"audience":{"segment_ids":["\(segmentID)"]},"content":{"en":{"template":\(template)}}}}
                    """)
                #expect(created.status == .created, "\(created.text)")
                return try #require(created.object["id"] as? String)
            }
            let name = "auto_generated_text_e22a3ec4_7c4a_4097_ae40_56ed1e89941c"
            let unknown = try await campaign(#"{"name":"spring_sale","language":"en_US","parameters":["x"]}"#)
            let refused = try await api.send(.post, "/api/v1/campaigns/\(unknown)/send")
            #expect(refused.status == .unprocessableContent && Self.field(refused) == "definition.content.en.template", "\(refused.text)")
            #expect(try await api.send(.get, "/api/v1/campaigns/\(unknown)").object["status"] as? String == "draft", "nothing changed")
            let wrongCount = try await campaign(#"{"name":"\#(name)","language":"en_US","parameters":[]}"#)
            let short = try await api.send(.post, "/api/v1/campaigns/\(wrongCount)/send")
            #expect(short.status == .unprocessableContent && Self.field(short) == "definition.content.en.template", "\(short.text)")
            let fitting = try await campaign(#"{"name":"\#(name)","language":"en_US","parameters":["{{customer.first_name | default: \"there\"}}"]}"#)
            let sent = try await api.send(.post, "/api/v1/campaigns/\(fitting)/send")
            #expect(sent.status == .accepted && sent.object["status"] as? String == "sending", "\(sent.text)")
        }
    }
}
