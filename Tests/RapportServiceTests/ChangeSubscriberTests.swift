import Foundation
@testable import RapportCore
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

@Suite("Change subscribers run inside the transaction")
struct ChangeSubscriberTests {
    @Test("a reaction commits with its change; a rolled-back change leaves no event, reaction or announcement", arguments: TestDatabase.available)
    func reactionsShareTheTransaction(database: TestDatabase) async throws {
        try await database.withStore { store in
            let screens = RecordingScreens()
            let context = CoreContext(store: store, clock: FixedClock(), live: screens, subscribers: [WitnessSubscriber()])
            let inbox = Self.inbox()
            await #expect(throws: RefusedWrite.self) {
                try await context.write { transaction in
                    try await transaction.record(InboxChange(created: true, inbox))
                    throw RefusedWrite()
                }
            }
            #expect(try await Self.eventTypes(in: store).isEmpty)
            #expect(try await Self.witnessJobs(in: store).isEmpty)
            #expect(screens.received.isEmpty)

            try await context.write { transaction in try await transaction.record(InboxChange(created: true, inbox)) }
            #expect(try await Self.eventTypes(in: store) == [.inboxCreated])
            #expect(try await Self.witnessJobs(in: store).map(\.uniqueKey) == [inbox.id])
            #expect(screens.received.map(\.type) == [.inboxCreated])
        }
    }

    @Test("a subscriber's own changes reach every subscriber, logged and announced after the change that led to them", arguments: TestDatabase.available)
    func cascadingChanges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let screens = RecordingScreens()
            let context = CoreContext(
                store: store, clock: FixedClock(), live: screens, subscribers: [WitnessSubscriber(), FollowUpSubscriber()])
            try await context.write { transaction in try await transaction.record(InboxChange(created: true, Self.inbox())) }
            #expect(try await Self.eventTypes(in: store) == [.inboxCreated, .inboxUpdated])
            #expect(screens.received.map(\.type) == [.inboxCreated, .inboxUpdated])
        }
    }

    static func inbox() -> Inbox {
        Inbox(
            id: "inb_subscriber", workspaceID: "wsp_subscriber", channel: .email, name: "Support", settings: [:], teamID: nil,
            slaPolicyID: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func eventTypes(in store: SQLDataStore) async throws -> [DomainEventType] {
        try await store.read { session in try await session.events.events(after: 0, limit: 10).map(\.event.type) }
    }

    static func witnessJobs(in store: SQLDataStore) async throws -> [Job] {
        try await store.read { session in try await session.jobs.list(status: nil, kind: WitnessSubscriber.kind, limit: 10) }
    }
}

private struct RefusedWrite: Error {}

/// Enqueues a job and announces every change it hears of.
private struct WitnessSubscriber: DomainChangeSubscriber {
    static let kind = JobKind(rawValue: "test.witness")

    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for change in changes {
            try await transaction.session.jobs.enqueue(
                [JobRequest(kind: Self.kind, payload: "{}", uniqueKey: change.subjectID)], now: transaction.now)
            transaction.announceAfterCommit([LiveUpdate(
                workspaceID: change.workspaceID, type: change.eventType, conversationID: change.subjectID, inboxID: "", json: "{}")])
        }
    }
}

/// Answers a new inbox with a change of its own, as the bot answers a message with a hand-off.
private struct FollowUpSubscriber: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for case let change as InboxChange in changes where change.created {
            try await transaction.record(InboxChange(created: false, change.inbox))
        }
    }
}

private final class RecordingScreens: LiveUpdates {
    private let updates = Mutex<[LiveUpdate]>([])
    var received: [LiveUpdate] { updates.withLock { $0 } }
    func publish(_ updates: [LiveUpdate]) async { self.updates.withLock { $0 += updates } }
}
