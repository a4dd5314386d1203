import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A journey's note and assignment steps on both engines: a private note for the team in the
/// customer's open conversation, or in one opened for it; their conversations given to a
/// team; a conversation the shop opened is no complaint, so it holds no promotion.
@Suite("Journey notes and assignments")
struct JourneyTeamStepTests {
    @Test("a note lands in the customer's unresolved conversation and an assignment gives their conversations to the team, or they do nothing and say why; a journey hears no journey's note; only a conversation the customer wrote in holds the promotion", arguments: TestDatabase.available)
    func notesAndAssignments(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let (services, actor, inbox) = (world.services, world.actor, world.inbox)
            let care = try await services.inboxes.createTeam(name: "Care", memberIDs: [], as: actor)
            let upset = try await JourneyMessageTests.customer(world, "upset@example.com")
            let quiet = try await JourneyMessageTests.customer(world, "quiet@example.com")
            let phoneOnly = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4915112345678")]), as: actor)
                .customer.id
            let complaint = try await services.conversations.receive(
                ChannelPayload(messages: [
                    InboundMessage(providerMessageID: "c-1@example.com", from: "upset@example.com", kind: .text, text: "Where is my parcel?", subject: "Parcel")
                ]), inbox: inbox
            ).stored[0].conversationID
            // The shop wrote first to the quiet one: an open conversation, but no complaint.
            let (started, _) = try await services.conversations.start(
                inboxID: inbox.id, customerID: quiet, ReplyInput(text: "Your order ships tomorrow."), as: actor)
            // A journey listening to every message: a journey's note must not let anyone in.
            let listener = try await JourneyRunnerTests.live(
                services, """
                    {"trigger": {"event": "message.created"}, "entry": "every_time", "steps": [{"key": "heard", "type": "update_profile", "add_tags": ["heard"]}]}
                    """, actor: actor)
            let journey = try await JourneyRunnerTests.live(
                services, """
                    {"trigger": {"manual": true},
                     "steps": [
                       {"key": "brief", "type": "note", "text": "VIP: call before shipping", "inbox_id": "\(inbox.id)", "next": "route"},
                       {"key": "route", "type": "assign", "team_id": "\(care.id)", "next": "pause"},
                       {"key": "pause", "type": "wait", "duration": {"hours": 1}, "next": "promo"},
                       {"key": "promo", "type": "send", "channel": "email", "inbox_id": "\(inbox.id)", "default_locale": "en",
                        "content": {"en": {"subject": "Just for you", "body": "New in."}}}
                     ]}
                    """, actor: actor)
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [upset, quiet, phoneOnly], segmentID: nil, as: actor)
            try await JourneyMessageTests.settle(world)
            world.services.clock.advance(by: 3_600)
            try await JourneyMessageTests.settle(world)

            for conversationID in [complaint, started.id] {
                #expect(try await services.conversations.conversation(id: conversationID, as: actor).teamID == care.id)
                let notes = try await services.conversations.messages(conversationID: conversationID, page: try PageRequest(), as: actor).items.filter(\.isPrivate)
                #expect(notes.map(\.text) == ["VIP: call before shipping"] && notes.first?.author == .system)
            }
            #expect(try await services.journeys.enrolments(ofCustomer: upset, as: actor).filter { $0.journeyID == listener.id }.count == 0,
                "the journey's note let nobody into the listening journey")
            // The customer who wrote waits for the promotion; the one the shop wrote to gets it.
            #expect(try await JourneyRunnerTests.enrolment(services, upset, journey: journey, actor: actor)?.position?.stepKey == "promo")
            #expect(world.transport.emails.map(\.address) == ["quiet@example.com"])

            #expect(try await services.conversations.conversations(filter: ConversationFilter(customerID: phoneOnly), page: try PageRequest(), as: actor).items.isEmpty)
            let report = try await services.journeys.report(id: journey.id, as: actor)
            #expect(report.steps.first { $0.stepKey == "brief" }.map { ($0.passed, $0.skipped) } ?? (0, 0) == (3, 1))
            #expect(report.steps.first { $0.stepKey == "route" }.map { ($0.passed, $0.skipped) } ?? (0, 0) == (3, 1))
        }
    }
}
