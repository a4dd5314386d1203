import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Attacks on the web workspace's sessions: where a sign-in link may send a user, and whose
/// name a reply may carry.
@Suite("Security: web sessions")
struct WebSessionAttackTests {
    @Test("a sign-in link whose next= hides a second slash behind a tab, a line break or a backslash sends the user to another site", arguments: TestDatabase.available)
    func openRedirect(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await WebWorkspaceTests.user(api, .agent)
            for next in ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example", "/ /evil.example", "/\u{0}/evil.example"] {
                let response = try await WebWorkspaceTests.post(
                    api, "/login", [("email", "agent@shop.test"), ("password", WebWorkspaceTests.password), ("next", next)])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/inbox", "next=\(next.debugDescription) was followed")
            }
            let local = try await WebWorkspaceTests.post(
                api, "/login", [("email", "agent@shop.test"), ("password", WebWorkspaceTests.password), ("next", "/customers?tag=vip")])
            #expect(local.headers[.location] == "/customers?tag=vip")
        }
    }

    @Test("an agent replies in their manager's name by sending the manager's author_id", arguments: TestDatabase.available)
    func replyAuthorship(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let team = try await api.services.inboxes.createTeam(name: "Support", memberIDs: [], as: .operator(workspaceID: api.workspaceID))
            let mallory = try await WebWorkspaceTests.user(api, .agent, teamIDs: [team.id])
            let colleague = try await WebWorkspaceTests.user(api, .manager, teamIDs: [team.id])
            let conversation = try await WebWorkspaceTests.conversation(api, teamID: team.id)
            let browser = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            var headers = HTTPFields()
            headers[.cookie] = browser.cookie
            headers[.contentType] = "application/json"
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
            let forged = try await api.client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/messages", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"text":"We will not refund you.","author_id":"\#(colleague.id)"}"#))
            #expect(forged.status == .forbidden)
            let own = try await api.client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/messages", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"text":"Happy to help."}"#))
            #expect(own.status == .created)
            #expect(own.object["author_id"] as? String == mallory.id)
        }
    }
}
