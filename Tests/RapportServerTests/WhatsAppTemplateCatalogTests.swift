import Foundation
import HTTPTypes
@testable import RapportChannels
import RapportCore
import Testing

/// The Graph API's template list as `WhatsAppTemplateCatalog` reads it: Meta's documented
/// answers, and paging served by a stand-in Graph API on 127.0.0.1 (Meta cannot run here).
@Suite("WhatsApp template catalog")
struct WhatsAppTemplateCatalogTests {
    static let account = "102290129340398"

    static func inbox(graph: FakeProvider) -> Inbox {
        Inbox(
            id: "inb_01JD8Z0000000000000000000", workspaceID: "wsp_1", channel: .whatsapp, name: "WhatsApp",
            settings: ["api_base_url": graph.baseURL, "access_token": "EAAG-test", "whatsapp_business_account_id": account, "phone_number_id": "1"],
            teamID: nil, slaPolicyID: nil, createdAt: Date())
    }

    static var catalog: WhatsAppTemplateCatalog {
        WhatsAppTemplateCatalog(http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: true)))
    }

    /// A fixture's text with `paging.next` set to `next`.
    static func page(_ fixture: String, next: String) throws -> String {
        var root = try #require(try JSONSerialization.jsonObject(with: Data(ChannelFixtures.text(fixture, "json", in: "whatsapp").utf8)) as? [String: Any])
        var paging = root["paging"] as? [String: Any] ?? [:]
        paging["next"] = next
        root["paging"] = paging
        return String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
    }

    @Test("Meta's documented list reads as its template: body, its two parameters, location header, footer, no next page")
    func documentedList() throws {
        let page = try #require(WhatsAppTemplatePage(json: ChannelFixtures.text("message-templates-get-response", "json", in: "whatsapp")))
        #expect(page.next == nil, "cursors alone are no next page")
        let template = try #require(page.templates.first)
        #expect(page.templates.count == 1)
        #expect(template.name == "order_delivery_update" && template.language == "en_US")
        #expect(template.status == "APPROVED" && template.category == "UTILITY")
        #expect(template.body == "Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!")
        #expect(template.parameters == ["1", "2"] && template.parameterCount == 2 && !template.namedParameters)
        #expect(template.headerFormat == "LOCATION" && template.header == nil)
        #expect(template.footer == "To stop receiving delivery updates, tap the button below.")
        #expect(template.variableButtons.isEmpty, "a quick reply takes no value")
        #expect(template.partsCampaignsCannotFill == ["a location header"])
    }

    @Test("Direct Send's list reads with its positional parameter format: one parameter, no header or footer")
    func directSendList() throws {
        let page = try #require(WhatsAppTemplatePage(json: ChannelFixtures.text("message-templates-get-response-direct-send", "json", in: "whatsapp")))
        let template = try #require(page.templates.first)
        #expect(template.name == "auto_generated_text_e22a3ec4_7c4a_4097_ae40_56ed1e89941c" && template.language == "en_US")
        #expect(template.body == "Hi {{1}}, Your order is delivered.")
        #expect(template.parameterCount == 1 && !template.namedParameters)
        #expect(template.headerFormat == nil && template.header == nil && template.footer == nil)
        #expect(WhatsAppTemplate.problem(with: TemplateMessage(name: template.name, language: "en_US", parameters: ["Ana"]), among: page.templates) == nil)
        #expect(WhatsAppTemplatePage(json: #"{"error":{"message":"x"}}"#)?.templates == nil, "an answer without `data` is no page")
    }

    @Test("the first page asks for the account's templates with the fields read, 100 a page, at Graph v21.0")
    func firstPageURL() {
        #expect(WhatsAppTemplateCatalog.firstPageURL(base: "https://graph.facebook.com", account: Self.account)
            == "https://graph.facebook.com/v21.0/102290129340398/message_templates?fields=name,language,status,category,components,parameter_format&limit=25")
        #expect(WhatsAppTemplateCatalog.firstPageURL(base: "https://proxy.example/", account: "1").hasPrefix("https://proxy.example/v21.0/1/message_templates?"))
        #expect(WhatsAppTemplateCatalog.isSameOrigin("https://GRAPH.facebook.com:443/v21.0/x", as: "https://graph.facebook.com/v21.0/y"))
        #expect(!WhatsAppTemplateCatalog.isSameOrigin("http://graph.facebook.com/v21.0/x", as: "https://graph.facebook.com/v21.0/y"))
        #expect(!WhatsAppTemplateCatalog.isSameOrigin("https://graph.facebook.com:8443/x", as: "https://graph.facebook.com/y"))
    }

    @Test("paging.next on the same host is followed with the same token; the pages' templates come in order")
    func followsNextPage() async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        // The stand-in answers by path, so the next page's cursor rides in the path.
        graph.script("/\(Self.account)/message_templates", body: try Self.page(
            "message-templates-get-response", next: "\(graph.baseURL)/v21.0/\(Self.account)/message_templates/after/MjQZD"))
        graph.script("/after/MjQZD", body: try ChannelFixtures.text("message-templates-get-response-direct-send", "json", in: "whatsapp"))
        let templates = try await Self.catalog.templates(of: Self.inbox(graph: graph))
        #expect(templates.map(\.name) == ["order_delivery_update", "auto_generated_text_e22a3ec4_7c4a_4097_ae40_56ed1e89941c"])
        let requests = graph.requests
        #expect(requests.map(\.path) == ["/v21.0/\(Self.account)/message_templates", "/v21.0/\(Self.account)/message_templates/after/MjQZD"])
        #expect(requests.allSatisfy { $0.method == "GET" && $0.headers["authorization"] == "Bearer EAAG-test" })
    }

    @Test("a next page on another host is not asked for: the token stays home and the list is refused for good")
    func refusesNextPageElsewhere() async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        // The same server under another name: following it would send the token there.
        let elsewhere = graph.baseURL.replacingOccurrences(of: "127.0.0.1", with: "localhost")
        graph.script("/message_templates", body: try Self.page("message-templates-get-response", next: "\(elsewhere)/v21.0/\(Self.account)/message_templates"))
        do {
            _ = try await Self.catalog.templates(of: Self.inbox(graph: graph))
            Issue.record("a next page on another host was accepted")
        } catch JobFailure.permanent(let reason) {
            #expect(reason.contains("http://localhost:") && reason.contains("no other host"), "\(reason)")
        }
        #expect(graph.requests.count == 1)
    }

    @Test("at most maximumPages pages are read, however many a server offers")
    func stopsAfterTenPages() async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("", body: """
            {"data":[{"name":"t{{seq}}","language":"en","status":"APPROVED","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}],
             "paging":{"next":"\(graph.baseURL)/v21.0/\(Self.account)/message_templates/after/{{seq}}"}}
            """)
        let templates = try await Self.catalog.templates(of: Self.inbox(graph: graph))
        #expect(templates.count == WhatsAppTemplateCatalog.maximumPages && graph.requests.count == WhatsAppTemplateCatalog.maximumPages)
        #expect(templates.first?.name == "t1" && templates.last?.name == "t\(WhatsAppTemplateCatalog.maximumPages)")
    }

    @Test("Meta's refusal is final with its code and words; its server errors and rate limits are worth a retry")
    func providerErrors() async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/message_templates", status: .unauthorized, body: #"""
            {"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190,"fbtrace_id":"AbC"}}
            """#)
        do {
            _ = try await Self.catalog.templates(of: Self.inbox(graph: graph))
            Issue.record("a 401 was accepted")
        } catch JobFailure.permanent(let reason) {
            #expect(reason.contains("HTTP 401, code 190") && reason.contains("Invalid OAuth access token"), "\(reason)")
        }
        graph.script("/message_templates", status: .serviceUnavailable, body: #"{"error":{"message":"Service temporarily unavailable","code":2}}"#)
        do {
            _ = try await Self.catalog.templates(of: Self.inbox(graph: graph))
            Issue.record("a 503 was accepted")
        } catch JobFailure.retry(let reason) {
            #expect(reason.contains("HTTP 503") && reason.contains("Service temporarily unavailable"), "\(reason)")
        }
        graph.script("/message_templates", status: .badRequest, body: #"{"error":{"message":"(#4) Application request limit reached","code":4}}"#)
        do {
            _ = try await Self.catalog.templates(of: Self.inbox(graph: graph))
            Issue.record("a rate limit was accepted")
        } catch JobFailure.rateLimited(let reason) {
            #expect(reason.contains("code 4") && reason.contains("request limit"), "\(reason)")
        }
    }
}
