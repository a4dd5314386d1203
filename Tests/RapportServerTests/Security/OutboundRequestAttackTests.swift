import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Server-side request forgery: an admin's or an attacker's URL aimed at what sits behind the
/// firewall (cloud metadata, a database on loopback, the intranet).
@Suite("Security: outbound requests")
struct OutboundRequestAttackTests {
    @Test("an outgoing webhook or an inbox's API base URL or SMTP host aimed at loopback, link-local or private addresses is refused when saved", arguments: TestDatabase.available)
    func savedTargets(database: TestDatabase) async throws {
        try await APIHarness.run(on: database, outbound: .publicOnly) { api in
            for url in ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:5432/", "http://[::1]/", "http://10.0.0.7/hook", "http://2130706433/"] {
                let hook = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"\#(url)","event_types":["*"]}"#)
                #expect(hook.status == .unprocessableContent, "\(url)")
                #expect(hook.text.contains("does not call"), "\(hook.text)")
            }
            let inbox = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"whatsapp","name":"WA","settings":{"phone_number_id":"1","access_token":"t","app_secret":"s","verify_token":"v",
                 "api_base_url":"http://192.168.0.10:8080"}}
                """)
            #expect(inbox.status == .unprocessableContent && inbox.text.contains("192.168.0.0/16"))
            let mail = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"email","name":"Mail","settings":{"address":"help@shop.example","smtp_host":"127.0.0.1","inbound_token":"x"}}
                """)
            #expect(mail.status == .unprocessableContent && mail.text.contains("loopback"))
            let fine = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"https://hooks.example.com/rapport","event_types":["*"]}"#)
            #expect(fine.status == .created)
        }
    }

    @Test("a name that resolves to loopback is refused at connect time, after DNS, and the server is never reached")
    func resolvedAtConnect() async throws {
        let server = try await FakeProvider.start()
        defer { server.stop() }
        let port = try #require(URLComponents(string: server.baseURL)?.port)
        let http = OutboundHTTP(targets: .publicOnly)
        await #expect(throws: OutboundRefusal.privateAddress(host: "localhost", address: "127.0.0.1")) {
            _ = try await http.post("http://localhost:\(port)/hook", headers: [], body: "{}")
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a redirect to somewhere else is answered, not followed")
    func noRedirects() async throws {
        let server = try await FakeProvider.start()
        defer { server.stop() }
        server.script("/hook", status: .found, body: "\(server.baseURL)/elsewhere")
        let answer = try await OutboundHTTP(targets: OutboundTargets(allowsPrivate: true)).post("\(server.baseURL)/hook", headers: [], body: "{}")
        #expect(answer.status == 302)
        #expect(server.requests.map(\.path) == ["/hook"])
    }

    @Test("changing an inbox's API base URL without entering its token again would send the token to the new host", arguments: TestDatabase.available)
    func credentialFollowsHost(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .whatsapp, name: "WA",
                settings: ["phone_number_id": "1", "access_token": "real-token", "app_secret": "s", "verify_token": "v"], as: actor)
            await #expect(throws: RapportError.self) {
                _ = try await api.services.inboxes.updateInbox(
                    id: inbox.id, name: "WA", settingChanges: ["api_base_url": "https://collector.example"], teamID: nil, slaPolicyID: nil, as: actor)
            }
            let moved = try await api.services.inboxes.updateInbox(
                id: inbox.id, name: "WA", settingChanges: ["api_base_url": "https://graph.example", "access_token": "token-for-it"],
                teamID: nil, slaPolicyID: nil, as: actor)
            #expect(moved.settings["api_base_url"] == "https://graph.example" && moved.settings["access_token"] == "token-for-it")
            let renamed = try await api.services.inboxes.updateInbox(
                id: inbox.id, name: "WhatsApp", settingChanges: [:], teamID: nil, slaPolicyID: nil, as: actor)
            #expect(renamed.name == "WhatsApp", "other changes need no token")
        }
    }

    @Test("turning an inbox's SMTP security off without entering its password again would send the password in the clear", arguments: TestDatabase.available)
    func smtpDowngrade(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .email, name: "Mail",
                settings: ["address": "help@shop.example", "smtp_host": "smtp.shop.example", "smtp_password": "pw", "inbound_token": "t"], as: actor)
            await #expect(throws: RapportError.self) {
                _ = try await api.services.inboxes.updateInbox(
                    id: inbox.id, name: "Mail", settingChanges: ["smtp_security": "none"], teamID: nil, slaPolicyID: nil, as: actor)
            }
        }
    }
}
