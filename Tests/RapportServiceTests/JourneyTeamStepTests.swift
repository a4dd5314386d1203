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
    @Test("a note lands in the customer's open conversation or opens one for the team; an assignment gives their conversations to the team; a customer with nothing to act on is skipped with the reason; only a conversation the customer wrote in holds the promotion", arguments: TestDatabase.available)
    func notesAndAssignments(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let (services, actor, inbox) = (world.services, world.actor, world.inbox)
            let care = try await services.inboxes.createTeam(name: "Care", memberIDs: [], as: actor)
            let journey = try await JourneyRunnerTests.live(
                services, """
                    {"trigger": {"manual": true},
                     "steps": [
                       {"key": "brief", "type": "note", "text": "VIP: call before shipping", "inbox_id": "\(inbox.id)", "team_id": "\(care.id)", "next": "route"},
                       {"key": "route", "type": "assign", "team_id": "\(care.id)", "next": "promo"},
                       {"key": "promo", "type": "send", "channel": "email", "inbox_id": "\(inbox.id)", "default_locale": "en",
                        "content": {"en": {"subject": "Just for you", "body": "New in."}}}
                     ]}
                    """, actor: actor)
            let upset = try await JourneyMessageTests.customer(world, "upset@example.com")
            let quiet = try await JourneyMessageTests.customer(world, "quiet@example.com")
            let phoneOnly = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4915112345678")]), as: actor)
                .customer.id
            let complaint = try await services.conversations.receive(
                ChannelPayload(messages: [
                    InboundMessage(providerMessageID: "c-1@example.com", from: "upset@example.com", kind: .text, text: "Where is my parcel?", subject: "Parcel")
                ]), inbox: inbox
            ).stored[0].conversationID
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [upset, quiet, phoneOnly], segmentID: nil, as: actor)
            try await JourneyMessageTests.settle(world)

            // The customer who wrote: the note in their conversation, which goes to the team; the promotion waits.
            let upsetConversation = try await services.conversations.conversation(id: complaint, as: actor)
            #expect(upsetConversation.teamID == care.id)
            let notes = try await services.conversations.messages(conversationID: complaint, page: try PageRequest(), as: actor).items.filter(\.isPrivate)
            #expect(notes.map(\.text) == ["VIP: call before shipping"] && notes.first?.author == .system)
            #expect(try await JourneyRunnerTests.enrolment(services, upset, journey: journey, actor: actor)?.position?.stepKey == "promo")

            // The quiet one: a conversation opened for the team with the note; the shop's own is no complaint.
            let opened = try await services.conversations.conversations(filter: ConversationFilter(customerID: quiet), page: try PageRequest(), as: actor).items
            #expect(opened.count == 1 && opened.first?.teamID == care.id && opened.first?.status == .open)
            #expect(world.transport.emails.map(\.address) == ["quiet@example.com"])

            // No e-mail address for the e-mail inbox, no conversation to assign.
            #expect(try await services.conversations.conversations(filter: ConversationFilter(customerID: phoneOnly), page: try PageRequest(), as: actor).items.isEmpty)
            let report = try await services.journeys.report(id: journey.id, as: actor)
            #expect(report.steps.first { $0.stepKey == "brief" }.map { ($0.passed, $0.skipped) } ?? (0, 0) == (3, 1))
            #expect(report.steps.first { $0.stepKey == "route" }.map { ($0.passed, $0.skipped) } ?? (0, 0) == (3, 1))
        }
    }
}
