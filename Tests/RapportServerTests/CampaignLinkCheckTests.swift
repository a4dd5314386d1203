import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The campaign link checker end to end: the probe against a site on 127.0.0.1 (its answers,
/// redirects, a HEAD it refuses, the outbound rules), and the API route and page.
@Suite("Campaign link checker")
struct CampaignLinkCheckTests {
    /// The probe as `AppServices` makes it, allowed to reach the stand-in site on 127.0.0.1.
    static let probe = HTTPLinkProbe(http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: true), timeoutSeconds: 5))

    @Test("a 200 works; a 404 is broken; a 301 is followed to its 200 and shows where it ended; a HEAD answered 405 is asked again with GET; a loop ends after 5 redirects")
    func probeAnswers() async throws {
        let site = try await FakeProvider.start()
        defer { site.stop() }
        site.script("/gone", status: .notFound, body: "no such page")
        site.script("/moved", status: .movedPermanently, body: "/landing")
        site.script("/no-head", method: .head, status: .methodNotAllowed, body: "")
        site.script("/loop", status: .found, body: "/loop")

        #expect(await Self.probe.probe("\(site.baseURL)/fine") == LinkProbeResult(outcome: .ok, status: 200, finalURL: nil, redirects: 0, reason: nil))
        #expect(site.requests.map(\.method) == ["HEAD"], "a HEAD is enough when the site takes it")
        let gone = await Self.probe.probe("\(site.baseURL)/gone")
        #expect(gone.outcome == .broken && gone.status == 404 && gone.reason == "answers HTTP 404: no such page")
        let moved = await Self.probe.probe("\(site.baseURL)/moved")
        #expect(moved == LinkProbeResult(outcome: .ok, status: 200, finalURL: "\(site.baseURL)/landing", redirects: 1, reason: nil))
        let noHead = await Self.probe.probe("\(site.baseURL)/no-head")
        #expect(noHead.outcome == .ok && noHead.status == 200)
        #expect(site.requests.filter { $0.path == "/no-head" }.map(\.method) == ["HEAD", "GET"])
        let loop = await Self.probe.probe("\(site.baseURL)/loop")
        #expect(loop.outcome == .broken && loop.redirects == HTTPLinkProbe.maximumRedirects && loop.reason?.contains("more than 5 times") == true)
        #expect(site.requests.filter { $0.path == "/loop" }.count == HTTPLinkProbe.maximumRedirects + 1)
    }

    @Test("with private targets not allowed, a link into the network is refused before any request, in words recipients' reach explains")
    func refusedInsideTheNetwork() async throws {
        let site = try await FakeProvider.start()
        defer { site.stop() }
        // A public link that redirects inside is refused at that hop the same way: every hop is
        // an `OutboundHTTP` call. The stand-in only listens on loopback, so here the first hop is.
        site.script("/start", status: .found, body: "http://127.0.0.1:9/inside")
        let publicOnly = HTTPLinkProbe(http: OutboundHTTP(targets: .publicOnly))
        let refused = await publicOnly.probe("\(site.baseURL)/start")
        #expect(refused.outcome == .refused && refused.status == nil)
        #expect(refused.reason == "points inside the network, which recipients cannot reach (127.0.0.1)")
        #expect(site.requests.isEmpty, "nothing was asked of the address inside")
        let unreachable = await Self.probe.probe("\(site.baseURL)/start")
        #expect(unreachable.outcome == .unreachable, "allowed, the redirect is followed to a port where nothing answers")
        #expect(site.requests.map(\.path) == ["/start"], "the site was asked once; the hop inside was followed")
    }

    /// An e-mail campaign to an empty list whose English body is `body`.
    static func campaign(_ api: APIHarness, body: String) async throws -> String {
        let mail = try await api.services.inboxes.createInbox(
            channel: .email, name: "Mail", settings: ["address": "shop@shop.test", "smtp_host": "127.0.0.1"], as: .operator(workspaceID: api.workspaceID))
        let list = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name":"Newsletter","kind":"list"}"#).object["id"] as? String)
        let created = try await api.send(.post, "/api/v1/campaigns", json: """
            {"name":"Links","channel":"email","inbox_id":"\(mail.id)","definition":{"audience":{"segment_ids":["\(list)"]},
             "default_locale":"en","content":{"en":{"subject":"Sale","body":"\(body)"}}}}
            """)
        return try #require(created.object["id"] as? String, "\(created.text)")
    }

    /// The route as a signed-in user calls it from a page's script: the session cookie and its CSRF token.
    static func check(_ api: APIHarness, _ id: String, as user: WebWorkspaceTests.Browser, json: String = "{}") async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.cookie] = user.cookie
        headers[HTTPField.Name("X-CSRF-Token")!] = user.csrf
        headers[.contentType] = "application/json"
        return try await api.client.execute(uri: "/api/v1/campaigns/\(id)/link_check", method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    @Test("POST /api/v1/campaigns/{id}/link_check: a manager gets the report, filled in as the sample or a chosen customer; an agent is refused; an unknown campaign is a 404", arguments: TestDatabase.available)
    func route(database: TestDatabase) async throws {
        let site = try await FakeProvider.start()
        defer { site.stop() }
        site.script("/gone", status: .notFound, body: "no such page")
        try await APIHarness.run(on: database) { api in
            let base = site.baseURL
            let id = try await Self.campaign(
                api, body: "[Sale](\(base)/sale) · [Gone](\(base)/gone) · [Yours](\(base)/u/{{customer.first_name}}) · [Mail us](mailto:help@shop.test)")
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")

            let report = try await Self.check(api, id, as: manager)
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.object["object"] as? String == "campaign_link_report" && report.object["campaign_id"] as? String == id)
            #expect(report.object["customer_id"] is NSNull)
            // Each stand-in link is http: on an IP address: two warnings as written.
            let counts = try #require(report.object["counts"] as? [String: Any])
            #expect(["ok", "warnings", "broken", "unchecked"].map { counts[$0] as? Int } == [0, 2, 1, 1])
            let links = try #require(report.object["links"] as? [[String: Any]])
            #expect(links.compactMap { $0["url"] as? String } == ["\(base)/sale", "\(base)/gone", "\(base)/u/", "mailto:help@shop.test"])
            #expect(links.compactMap { $0["status"] as? String } == ["warning", "broken", "warning", "unchecked"])
            let sale = links[0]
            #expect((sale["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["insecure", "internal_host"])
            #expect((sale["probe"] as? [String: Any])?["outcome"] as? String == "ok" && (sale["probe"] as? [String: Any])?["http_status"] as? Int == 200)
            let place = try #require((sale["places"] as? [[String: Any]])?.first)
            #expect(place["locale"] as? String == "en" && place["variant"] is NSNull && place["part"] as? String == "body" && place["text"] as? String == "Sale")
            #expect((links[1]["probe"] as? [String: Any])?["http_status"] as? Int == 404)
            #expect(links[2]["personalised"] as? Bool == true && links[2]["written"] as? String == "\(base)/u/{{customer.first_name}}")
            #expect(links[3]["probe"] is NSNull && links[3]["note"] is String)
            #expect(site.requests.contains { $0.method == "HEAD" && $0.path == "/sale" })

            let created = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ana@example.com"}],"first_name":"Ana"}"#)
            let ana = try #require(created.object["id"] as? String)
            let asAna = try await Self.check(api, id, as: manager, json: #"{"customer_id":"\#(ana)"}"#)
            #expect(asAna.status == .ok && asAna.object["customer_id"] as? String == ana)
            #expect((asAna.object["links"] as? [[String: Any]])?.compactMap { $0["url"] as? String }.contains("\(base)/u/Ana") == true)
            #expect(site.requests.contains { $0.path == "/u/Ana" }, "the customer's own link was fetched")
            let unknown = try await Self.check(api, id, as: manager, json: #"{"customer_id":"cus_01JD8Z00000000000000000000"}"#)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("customer_id"))
            #expect(try await Self.check(api, id, as: manager, json: #"{"customer":"x"}"#).status == .unprocessableContent)

            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            #expect(try await Self.check(api, id, as: agent).status == .forbidden)
            #expect(try await Self.check(api, "cmp_01JD8Z00000000000000000000", as: manager).status == .notFound)
            #expect(try await api.send(.post, "/api/v1/campaigns/cmp_01JD8Z00000000000000000000/link_check", json: "{}").status == .notFound)

            // The page: the form for those who send campaigns, the results under the preview.
            let page = try await WebWorkspaceTests.get(api, "/campaigns/\(id)", cookie: manager.cookie)
            #expect(page.text.contains("id=\"check-links\"") && page.text.contains("<label for=\"link-check-customer\">"))
            let checked = try await WebWorkspaceTests.post(api, "/campaigns/\(id)/link_check", [("_csrf", manager.csrf), ("customer_id", "")], cookie: manager.cookie)
            #expect(checked.status == .ok, "\(checked.text)")
            #expect(checked.text.contains("id=\"link-results\"") && checked.text.contains("<dd data-link-status=\"broken\">"))
            #expect(checked.text.contains("4 links: 0 work, 2 with a warning, 1 broken, 1 not fetched.") && checked.text.contains("answers HTTP 404"))
            #expect(checked.text.contains("id=\"preview-subject\""), "the preview stays above the results")
            let agentPage = try await WebWorkspaceTests.get(api, "/campaigns/\(id)", cookie: agent.cookie)
            #expect(agentPage.status == .ok && !agentPage.text.contains("id=\"check-links\""))
            let refused = try await WebWorkspaceTests.post(api, "/campaigns/\(id)/link_check", [("_csrf", agent.csrf)], cookie: agent.cookie)
            #expect(refused.status == .forbidden)
        }
    }
}
