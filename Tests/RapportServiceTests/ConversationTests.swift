import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Conversations")
struct ConversationTests {
    static func inbound(_ id: String, from: String = "+4915112345678", name: String? = "Ada Lovelace", text: String = "Hello") -> ChannelPayload {
        ChannelPayload(messages: [InboundMessage(providerMessageID: id, from: from, fromName: name, kind: .text, text: text)])
    }

    static func smsInbox(_ services: Services, teamID: String? = nil, slaPolicyID: String? = nil) async throws -> Inbox {
        try await services.inboxes.createInbox(
            channel: .sms, name: "SMS",
            settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456"], teamID: teamID,
            slaPolicyID: slaPolicyID, as: .operator(workspaceID: services.workspaceID))
    }

    @Test("round-robin gives conversations to online agents in turn, up to each one's cap; a VIP rule routes to its team", arguments: TestDatabase.available)
    func routing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let first = try await services.inboxes.createAgent(name: "First", email: "first@shop.test", maxConversations: 1, as: .operator(workspaceID: ws))
            let second = try await services.inboxes.createAgent(name: "Second", email: "second@shop.test", maxConversations: 1, as: .operator(workspaceID: ws))
            let away = try await services.inboxes.createAgent(name: "Away", email: "away@shop.test", availability: .offline, as: .operator(workspaceID: ws))
            let support = try await services.inboxes.createTeam(name: "Support", memberIDs: [first.id, second.id, away.id], as: .operator(workspaceID: ws))
            let vipAgent = try await services.inboxes.createAgent(name: "VIP desk", email: "vip@shop.test", as: .operator(workspaceID: ws))
            let vipTeam = try await services.inboxes.createTeam(name: "VIP", memberIDs: [vipAgent.id], as: .operator(workspaceID: ws))
            _ = try await services.inboxes.createRoutingRule(
                inboxID: nil, customerTag: "VIP", teamID: vipTeam.id, priority: .urgent, position: nil, as: .operator(workspaceID: ws))
            let inbox = try await Self.smsInbox(services, teamID: support.id)

            var assignees: [String?] = []
            for (index, phone) in ["+4915100000001", "+4915100000002", "+4915100000003"].enumerated() {
                let stored = try await services.conversations.receive(Self.inbound("SM\(index)", from: phone), inbox: inbox).stored
                let conversation = try await services.conversations.conversation(id: stored[0].conversationID, as: .operator(workspaceID: ws))
                #expect(conversation.teamID == support.id)
                assignees.append(conversation.assigneeID)
            }
            // Both agents get one (ties broken by id), the third finds both at their cap.
            #expect(Set(assignees.prefix(2).compactMap { $0 }) == [first.id, second.id])
            #expect(assignees[2] == nil)

            let vip = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4915100000009")], tags: ["vip"]), as: .operator(workspaceID: ws))
            let vipMessage = try await services.conversations.receive(Self.inbound("SM9", from: "+4915100000009"), inbox: inbox).stored[0]
            let vipConversation = try await services.conversations.conversation(id: vipMessage.conversationID, as: .operator(workspaceID: ws))
            #expect(vipConversation.customerID == vip.customer.id)
            #expect(vipConversation.teamID == vipTeam.id)
            #expect(vipConversation.assigneeID == vipAgent.id)
            #expect(vipConversation.priority == .urgent)

            // Resolving frees the first agent's slot for the next conversation.
            let freed = try #require(assignees[0])
            let firstConversation = try await services.conversations.conversations(
                filter: ConversationFilter(assigneeID: freed), page: PageRequest(), as: .operator(workspaceID: ws)).items[0]
            _ = try await services.conversations.act(.resolve, conversationID: firstConversation.id, as: .operator(workspaceID: ws))
            let next = try await services.conversations.receive(Self.inbound("SM4", from: "+4915100000004"), inbox: inbox).stored[0]
            #expect(try await services.conversations.conversation(id: next.conversationID, as: .operator(workspaceID: ws)).assigneeID == freed)
        }
    }

    @Test("SLA due times count business hours only; a missed first response is recorded as a breach and emitted", arguments: TestDatabase.available)
    func slaBreach(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            // 1_790_000_000 is Monday 2026-09-21 14:13:20 UTC; the desk is open 09:00–14:20 UTC on weekdays.
            let weekdays = Dictionary(uniqueKeysWithValues: (2...6).map { ($0, BusinessHours.Window(start: 9 * 60, end: 14 * 60 + 20)) })
            let policy = try await services.inboxes.createSLAPolicy(
                name: "Standard", firstResponseSeconds: 3600, nextResponseSeconds: 1800, resolutionSeconds: 86_400,
                businessHours: BusinessHours(timeZone: "UTC", days: weekdays), as: .operator(workspaceID: ws))
            let inbox = try await Self.smsInbox(services, slaPolicyID: policy.id)
            let message = try await services.conversations.receive(Self.inbound("SM1"), inbox: inbox).stored[0]
            let conversation = try await services.conversations.conversation(id: message.conversationID, as: .operator(workspaceID: ws))
            // 6 min 40 s left today, the remaining 53 min 20 s from 09:00 the next day.
            let expected = try #require(ISO8601DateFormatter().date(from: "2026-09-22T09:53:20Z"))
            #expect(conversation.firstResponseDue == expected)

            services.clock.advance(by: 20 * 3600)
            let due = try await services.jobs.claim(limit: 10)
            let firstResponseCheck = try #require(due.first { $0.kind == SLACheckPayload.jobKind && $0.payload.contains("first_response") })
            try await services.conversations.checkSLA(firstResponseCheck)
            let breached = try await services.conversations.conversation(id: conversation.id, as: .operator(workspaceID: ws))
            #expect(breached.slaBreaches == ["first_response"])
            let events = try await store.read { session in try await session.events.events(after: 0, limit: 1000) }
            #expect(events.contains { $0.event.type == .conversationSLABreached && $0.event.subjectID == conversation.id })
            // Checking again changes nothing: one breach per target.
            try await services.conversations.checkSLA(firstResponseCheck)
            #expect(try await services.conversations.conversation(id: conversation.id, as: .operator(workspaceID: ws)).slaBreaches == ["first_response"])
        }
    }

    @Test("an answered conversation's check is stale; the next-response clock starts when the customer writes again", arguments: TestDatabase.available)
    func slaAnswered(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let policy = try await services.inboxes.createSLAPolicy(
                name: "Fast", firstResponseSeconds: 600, nextResponseSeconds: 300, resolutionSeconds: nil, businessHours: nil, as: .operator(workspaceID: ws))
            let inbox = try await Self.smsInbox(services, slaPolicyID: policy.id)
            let message = try await services.conversations.receive(Self.inbound("SM1"), inbox: inbox).stored[0]
            services.clock.advance(by: 60)
            _ = try await services.conversations.reply(conversationID: message.conversationID, ReplyInput(text: "Hi!"), as: .operator(workspaceID: ws))
            services.clock.advance(by: 60)
            _ = try await services.conversations.receive(Self.inbound("SM2", text: "Thanks, one more thing"), inbox: inbox)
            let waiting = try await services.conversations.conversation(id: message.conversationID, as: .operator(workspaceID: ws))
            #expect(waiting.firstResponseAt == Date(timeIntervalSince1970: 1_790_000_060))
            #expect(waiting.nextResponseDue == Date(timeIntervalSince1970: 1_790_000_120 + 300))
            services.clock.advance(by: 3600)
            for job in try await services.jobs.claim(limit: 10) where job.kind == SLACheckPayload.jobKind {
                try await services.conversations.checkSLA(job)
            }
            #expect(try await services.conversations.conversation(id: message.conversationID, as: .operator(workspaceID: ws)).slaBreaches == ["next_response"])
        }
    }

    @Test("canned responses fill customer and order variables; notes stay private and off the timeline", arguments: TestDatabase.available)
    func cannedAndNotes(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let inbox = try await Self.smsInbox(services)
            let message = try await services.conversations.receive(Self.inbound("SM1", name: "Ada Lovelace"), inbox: inbox).stored[0]
            let conversation = try await services.conversations.conversation(id: message.conversationID, as: .operator(workspaceID: ws))
            let order = OrderInput(
                customerID: conversation.customerID, number: "1001", currency: "EUR",
                lines: [OrderLineInput(title: "Mug", quantity: 1, unitPrice: 1_500)],
                fulfillments: [FulfillmentInput(carrier: "DHL", trackingNumber: "JD0001", trackingURL: "https://track.example/JD0001")])
            _ = try await services.commerce.upsertOrders([order], as: .operator(workspaceID: ws))
            _ = try await services.inboxes.createCannedResponse(
                shortCode: "shipped",
                content: "Hi {{customer.first_name}}, order {{ order.number }} is on its way: {{order.tracking_url}}{{unknown.var}}",
                as: .operator(workspaceID: ws))
            let reply = try await services.conversations.reply(
                conversationID: conversation.id, ReplyInput(cannedResponseID: "shipped"), as: .operator(workspaceID: ws))
            #expect(reply.text == "Hi Ada, order 1001 is on its way: https://track.example/JD0001")
            #expect(reply.deliveryStatus == .pending)
            let note = try await services.conversations.reply(
                conversationID: conversation.id, ReplyInput(text: "Customer sounded upset", isPrivate: true), as: .operator(workspaceID: ws))
            #expect(note.isPrivate)
            #expect(note.deliveryStatus == nil)
            let jobs = try await services.jobs.list(status: .queued, kind: MessageSendPayload.jobKind, limit: 10)
            #expect(jobs.count == 1)
            let timeline = try await services.customers.timeline(customerID: conversation.customerID, page: PageRequest(limit: 100), as: .operator(workspaceID: ws))
            let summaries = timeline.items.compactMap(\.summary)
            #expect(summaries.contains("Hello"))
            #expect(summaries.contains(reply.text ?? "-"))
            #expect(!summaries.contains("Customer sounded upset"))
            await #expect(throws: RapportError.self) {
                _ = try await services.conversations.reply(
                    conversationID: conversation.id, ReplyInput(text: "See file", attachments: [Attachment(type: "file", url: "https://x.test/a.pdf")]),
                    as: .operator(workspaceID: ws))
            }
            let noteWithFile = try await services.conversations.reply(
                conversationID: conversation.id,
                ReplyInput(text: "Photo of the damage", isPrivate: true, attachments: [Attachment(type: "image", url: "https://x.test/b.jpg")]),
                as: .operator(workspaceID: ws))
            #expect(noteWithFile.attachments.first?.url == "https://x.test/b.jpg")
            await #expect(throws: RapportError.self) {
                _ = try await services.conversations.reply(conversationID: conversation.id, ReplyInput(cannedResponseID: "missing"), as: .operator(workspaceID: ws))
            }
        }
    }

    @Test("snooze wakes on time or when the customer writes; a resolved conversation stays closed and a new message opens a new one", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let inbox = try await Self.smsInbox(services)
            let first = try await services.conversations.receive(Self.inbound("SM1"), inbox: inbox).stored[0]
            let id = first.conversationID
            let snoozed = try await services.conversations.act(.snooze(until: services.clock.now().addingTimeInterval(3600)), conversationID: id, as: .operator(workspaceID: ws))
            #expect(snoozed.status == .snoozed)
            #expect(try await services.conversations.wakeSnoozed() == 0)
            services.clock.advance(by: 3601)
            #expect(try await services.conversations.wakeSnoozed() == 1)
            #expect(try await services.conversations.conversation(id: id, as: .operator(workspaceID: ws)).status == .open)
            _ = try await services.conversations.act(.snooze(until: services.clock.now().addingTimeInterval(3600)), conversationID: id, as: .operator(workspaceID: ws))
            _ = try await services.conversations.receive(Self.inbound("SM2"), inbox: inbox)
            #expect(try await services.conversations.conversation(id: id, as: .operator(workspaceID: ws)).status == .open)
            let labelled = try await services.conversations.act(.label(add: ["Refund", "urgent"], remove: []), conversationID: id, as: .operator(workspaceID: ws))
            #expect(labelled.labels == ["refund", "urgent"])
            #expect(try await services.conversations.conversations(filter: ConversationFilter(label: "refund"), page: PageRequest(), as: .operator(workspaceID: ws)).items.count == 1)
            _ = try await services.conversations.act(.resolve, conversationID: id, as: .operator(workspaceID: ws))
            await #expect(throws: RapportError.self) {
                _ = try await services.conversations.act(.snooze(until: services.clock.now().addingTimeInterval(60)), conversationID: id, as: .operator(workspaceID: ws))
            }
            let later = try await services.conversations.receive(Self.inbound("SM3"), inbox: inbox).stored[0]
            #expect(later.conversationID != id)
            #expect(try await services.conversations.conversation(id: id, as: .operator(workspaceID: ws)).status == .resolved)
        }
    }

    @Test("a store visit is logged by hand on the customer's timeline; merging customers moves their conversations", arguments: TestDatabase.available)
    func storeVisitAndMerge(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let storeInbox = try await services.inboxes.createInbox(channel: .store, name: "Berlin store", settings: [:], as: .operator(workspaceID: ws))
            let visitor = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "visitor@example.com")]), as: .operator(workspaceID: ws))
            let (logged, note) = try await services.conversations.start(
                inboxID: storeInbox.id, customerID: visitor.customer.id, ReplyInput(text: "Tried on the blue jacket, size M"),
                incoming: true, as: .operator(workspaceID: ws))
            #expect(logged.channel == .store)
            #expect(note.direction == .incoming)
            #expect(note.deliveryStatus == nil)
            let timeline = try await services.customers.timeline(customerID: visitor.customer.id, page: PageRequest(), as: .operator(workspaceID: ws))
            #expect(timeline.items.contains { $0.channel == .store && $0.summary == "Tried on the blue jacket, size M" })

            let sms = try await Self.smsInbox(services)
            let texted = try await services.conversations.receive(Self.inbound("SM1", from: "+4915199999999"), inbox: sms).stored[0]
            let smsCustomer = try await services.conversations.conversation(id: texted.conversationID, as: .operator(workspaceID: ws)).customerID
            _ = try await services.customers.merge(into: visitor.customer.id, from: smsCustomer, as: .operator(workspaceID: ws))
            #expect(try await services.conversations.conversation(id: texted.conversationID, as: .operator(workspaceID: ws)).customerID == visitor.customer.id)
            #expect(try await services.conversations.conversations(
                filter: ConversationFilter(customerID: visitor.customer.id), page: PageRequest(), as: .operator(workspaceID: ws)).items.count == 2)
        }
    }
}
