import Foundation
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// An agent sees the conversations of their teams' inboxes only; the customer's profile and
/// timeline must not show them the rest.
@Suite("Security: conversation scope")
struct ConversationScopeAttackTests {
    @Test("an agent reads another team's messages through the customer's profile and timeline", arguments: TestDatabase.available)
    func otherTeamsMessagesThroughTheCustomer(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let billing = try await api.services.inboxes.createTeam(name: "Billing", memberIDs: [], as: operatorActor)
            let shipping = try await api.services.inboxes.createTeam(name: "Shipping", memberIDs: [], as: operatorActor)
            let inbox = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"webchat","name":"Billing chat","team_id":"\(billing.id)","settings":{"identity_secret":"s-secret-0123456789abcdefgh"}}
                """)
            let inboxID = try #require(inbox.object["id"] as? String)
            let (_, token) = try await api.chatSession(inboxID)
            _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: """
                {"client_id":"c1","text":"My card ending 4242 was charged twice"}
                """)
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            let customerID = try #require(conversation["customer_id"] as? String)

            let outsider = Actor(workspaceID: api.workspaceID, role: .agent, userID: "usr_out", teamIDs: [shipping.id], label: "user:usr_out")
            let member = Actor(workspaceID: api.workspaceID, role: .agent, userID: "usr_in", teamIDs: [billing.id], label: "user:usr_in")
            let seenByOutsider = try await api.services.customers.view(id: customerID, as: outsider)
            let timelineOfOutsider = try await api.services.customers.timeline(customerID: customerID, page: PageRequest(), as: outsider)
            #expect(!seenByOutsider.recentInteractions.isEmpty && !timelineOfOutsider.items.isEmpty, "the touchpoint itself is shown")
            #expect(!(seenByOutsider.recentInteractions + timelineOfOutsider.items).contains { $0.summary?.contains("4242") == true })
            let seenByMember = try await api.services.customers.view(id: customerID, as: member)
            #expect(seenByMember.recentInteractions.contains { $0.summary?.contains("4242") == true })
        }
    }
}
