import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Permissions")
struct PermissionTests {
    /// A support team with an agent, a VIP team with another, an inbox each, a conversation in each.
    struct World {
        var services: Services
        var agent: Actor
        var vipAgent: Actor
        var manager: Actor
        var marketer: Actor
        var supportConversation: Conversation
        var vipConversation: Conversation
    }

    static func world(_ store: SQLDataStore) async throws -> World {
        let services = try await Services.make(on: store)
        let admin = Actor.operator(workspaceID: services.workspaceID)
        var people: [UserRole: User] = [:]
        for role in UserRole.allCases {
            people[role] = try await services.users.create(email: "\(role.rawValue)@shop.test", name: nil, role: role, password: nil, as: admin).user
        }
        let vipPerson = try await services.users.create(email: "vip@shop.test", name: nil, role: .agent, password: nil, as: admin).user
        let support = try await services.inboxes.createTeam(name: "Support", memberIDs: [try #require(people[.agent]).id], as: admin)
        let vip = try await services.inboxes.createTeam(name: "VIP", memberIDs: [vipPerson.id], as: admin)
        var conversations: [Conversation] = []
        for (team, number) in [(support, "+4930100"), (vip, "+4930200")] {
            let inbox = try await services.inboxes.createInbox(
                channel: .sms, name: team.name, settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": number], teamID: team.id,
                as: admin)
            let stored = try await services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(team.name)", from: "+4915112345678", kind: .text, text: "Hi")]),
                inbox: inbox)
            conversations.append(try await services.conversations.conversation(id: stored.stored[0].conversationID, as: admin))
        }
        func actor(_ user: User) -> Actor {
            .user(user, teamIDs: user.id == vipPerson.id ? [vip.id] : user.role == .agent ? [support.id] : [])
        }
        return World(
            services: services, agent: actor(try #require(people[.agent])), vipAgent: actor(vipPerson),
            manager: actor(try #require(people[.manager])), marketer: actor(try #require(people[.marketer])), supportConversation: conversations[0], vipConversation: conversations[1])
    }

    @Test("an agent sees only the conversations of their teams' inboxes, or routed or assigned to them; another team's conversation is not found", arguments: TestDatabase.available)
    func agentScope(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let conversations = w.services.conversations
            let listed = try await conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: w.agent).items
            #expect(listed.map(\.id) == [w.supportConversation.id])
            #expect(try await conversations.counts(filter: ConversationFilter(), as: w.agent).count(.open) == 1)
            #expect(try await conversations.counts(filter: ConversationFilter(), as: w.manager).count(.open) == 2)
            let hidden = RapportError.notFound("No conversation \(w.vipConversation.id) in this workspace.")
            await #expect(throws: hidden) { _ = try await conversations.conversation(id: w.vipConversation.id, as: w.agent) }
            await #expect(throws: hidden) {
                _ = try await conversations.messages(conversationID: w.vipConversation.id, page: PageRequest(), as: w.agent)
            }
            await #expect(throws: hidden) { _ = try await conversations.reply(conversationID: w.vipConversation.id, ReplyInput(text: "x"), as: w.agent) }
            await #expect(throws: hidden) { _ = try await conversations.act(.resolve, conversationID: w.vipConversation.id, as: w.agent) }
            let untouched = try await conversations.conversation(id: w.vipConversation.id, as: w.manager)
            #expect(untouched.status == .open)
            #expect(try await conversations.messages(conversationID: w.vipConversation.id, page: PageRequest(), as: w.manager).items.count == 1)

            // Assigned to the support agent, the VIP conversation becomes theirs to see.
            _ = try await conversations.act(.assign(agentID: w.agent.userID, teamID: nil), conversationID: w.vipConversation.id, as: w.manager)
            #expect(try await conversations.conversation(id: w.vipConversation.id, as: w.agent).assigneeID == w.agent.userID)
            // The reply is written in the signed-in agent's name.
            let reply = try await conversations.reply(conversationID: w.supportConversation.id, ReplyInput(text: "On it"), as: w.agent)
            #expect(reply.authorID == w.agent.userID)
        }
    }

    @Test("a marketer reads no conversation, list or message, and writes in none", arguments: TestDatabase.available)
    func marketer(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let conversations = w.services.conversations
            let refusal = RapportError.forbidden("A marketer may not read conversations.")
            await #expect(throws: refusal) { _ = try await conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: w.marketer) }
            await #expect(throws: refusal) { _ = try await conversations.conversation(id: w.supportConversation.id, as: w.marketer) }
            await #expect(throws: refusal) {
                _ = try await conversations.messages(conversationID: w.supportConversation.id, page: PageRequest(), as: w.marketer)
            }
            await #expect(throws: refusal) { _ = try await conversations.counts(filter: ConversationFilter(), as: w.marketer) }
            await #expect(throws: RapportError.forbidden("A marketer may not reply in or change conversations.")) {
                _ = try await conversations.reply(conversationID: w.supportConversation.id, ReplyInput(text: "Buy now"), as: w.marketer)
            }
            #expect(try await conversations.messages(conversationID: w.supportConversation.id, page: PageRequest(), as: w.manager).items.count == 1)
            // Customers stay theirs to see.
            #expect(try await w.services.customers.list(query: nil, page: PageRequest(), as: .operator(workspaceID: w.marketer.workspaceID)).items.count == 1)
        }
    }

    @Test("only admins manage users, keys and channels; managers set up teams and canned responses; agents neither", arguments: TestDatabase.available)
    func administration(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let services = w.services
            for actor in [w.agent, w.manager, w.marketer] {
                let role = actor.role.rawValue
                let article = actor.role == .agent ? "An" : "A"
                await #expect(throws: RapportError.forbidden("\(article) \(role) may not manage users.")) {
                    _ = try await services.users.create(email: "new-\(role)@shop.test", name: nil, role: .admin, password: nil, as: actor)
                }
                await #expect(throws: RapportError.forbidden("\(article) \(role) may not manage API and write keys.")) {
                    _ = try await services.keys.create(name: "mine", as: actor)
                }
                await #expect(throws: RapportError.forbidden("\(article) \(role) may not manage inboxes and channel credentials.")) {
                    _ = try await services.inboxes.createInbox(channel: .store, name: "Pop-up", settings: [:], as: actor)
                }
            }
            for actor in [w.agent, w.marketer] {
                await #expect(throws: RapportError.self) { _ = try await services.inboxes.createCannedResponse(shortCode: "hi", content: "Hello", as: actor) }
                await #expect(throws: RapportError.self) { _ = try await services.inboxes.createTeam(name: "Mine", memberIDs: [], as: actor) }
                await #expect(throws: RapportError.self) {
                    _ = try await services.inboxes.setAvailability(.offline, agentID: try #require(w.vipAgent.userID), as: actor)
                }
            }
            // Nothing of it was stored.
            #expect(try await services.inboxes.agents(as: .operator(workspaceID: w.agent.workspaceID)).count == 5)
            #expect(try await services.inboxes.inboxes(as: .operator(workspaceID: w.agent.workspaceID)).count == 2)
            #expect(try await services.inboxes.cannedResponses(as: .operator(workspaceID: w.agent.workspaceID)).isEmpty)
            #expect(try await services.keys.list().isEmpty)
            // What each role may do, it can.
            _ = try await services.inboxes.createCannedResponse(shortCode: "hi", content: "Hello", as: w.manager)
            _ = try await services.inboxes.setAvailability(.busy, agentID: try #require(w.agent.userID), as: w.agent)
            _ = try await services.inboxes.createInbox(channel: .store, name: "Pop-up", settings: [:], as: .operator(workspaceID: w.agent.workspaceID))
        }
    }

    @Test("every Core door checks the caller's role and workspace: a marketer adds no products or orders, an agent recomputes no insights, another workspace's user reads nothing by id", arguments: TestDatabase.available)
    func coreDoors(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let services = w.services
            let product = ProductInput(source: "shop", externalID: "p1", title: "Mug", variants: [])
            await #expect(throws: RapportError.forbidden("A marketer may not change orders, fulfilments or returns.")) {
                _ = try await services.commerce.upsertProducts([product], as: w.marketer)
            }
            let order = OrderInput(
                customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "a@example.com")]), number: "1", source: "shop",
                currency: "EUR", lines: [OrderLineInput(title: "Mug", quantity: 1, unitPrice: 900)])
            await #expect(throws: RapportError.self) { _ = try await services.commerce.upsertOrders([order], as: w.marketer) }
            await #expect(throws: RapportError.forbidden("An agent may not recompute every insight now.")) {
                _ = try await services.rfm.recompute(as: w.agent)
            }
            await #expect(throws: RapportError.self) { _ = try await services.recommendations.train(as: w.agent) }
            await #expect(throws: RapportError.self) { _ = try await services.lifetime.catchUp(as: w.marketer) }
            #expect(try await services.commerce.counts(as: w.manager).orders == 0, "nothing refused was stored")

            let placed = try await services.commerce.upsertOrders([order], as: w.agent)[0].order
            let stranger = Actor.operator(workspaceID: "wsp_elsewhere")
            await #expect(throws: RapportError.self) { _ = try await services.commerce.order(id: placed.id, as: stranger) }
            #expect(try await services.commerce.orders(number: "1", as: stranger).isEmpty)
            #expect(try await services.customers.customerID(for: IdentityInput(kind: "email", value: "a@example.com"), as: stranger) == nil)
            #expect(try await services.commerce.order(id: placed.id, as: w.marketer).number == "1", "everyone in the workspace reads orders")
        }
    }
}
