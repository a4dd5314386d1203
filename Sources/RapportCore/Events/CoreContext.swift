import Foundation

/// The kernel every service shares: the store, the clock, how events are made, the
/// subscribers that react to domain changes inside the transaction that made them, and where
/// committed changes are announced to connected screens.
public struct CoreContext: Sendable {
    public let store: any DataStore
    public let clock: any WallClock
    /// Where committed changes are announced (connected agents and chat visitors).
    public let live: any LiveUpdates
    /// The audit entries of reads, written in batches.
    public let audits: AuditBuffer
    /// The segments each workspace has, kept while its revision stands.
    let segmentPlans = SegmentPlanCache()
    /// What each workspace's running journeys listen for, kept while its revision stands.
    let journeyCatalogs = JourneyCatalogCache()
    /// Each workspace's trained recommender, shared by every service that recommends (the API,
    /// the privacy export, campaigns), so a workspace is trained once per process.
    let recommendationModels = RecommendationModels()
    let subscribers: [any DomainChangeSubscriber]

    /// How often a write that lost a race for the same identity or row is run again.
    static let conflictAttempts = 4

    public init(
        store: any DataStore, clock: any WallClock = SystemWallClock(), live: any LiveUpdates = NoLiveUpdates(),
        subscribers: [any DomainChangeSubscriber] = CoreContext.standardSubscribers
    ) {
        self.store = store
        self.clock = clock
        self.live = live
        self.subscribers = subscribers
        self.audits = AuditBuffer(store: store)
    }

    /// Runs `body` in one transaction. The changes it records are appended to the event log
    /// and handed to every subscriber inside that transaction, so a reaction exists exactly
    /// when the change committed; what the subscribers ask to announce is published after the
    /// commit.
    func write<T: Sendable>(_ body: @Sendable (WriteTransaction) async throws -> T) async throws -> T {
        let (value, announcements) = try await store.write { session in
            let transaction = WriteTransaction(session: session, context: self)
            let value = try await body(transaction)
            try await transaction.recordDeferred()
            try await SegmentUpkeep.settle(transaction)
            return (value, transaction.announcements)
        }
        if !announcements.isEmpty { await live.publish(announcements) }
        return value
    }

    /// `write`, run again when a concurrent transaction claimed the same identity or row first.
    func writeRetryingConflicts<T: Sendable>(_ body: @Sendable (WriteTransaction) async throws -> T) async throws -> T {
        try await retryingConflicts { try await write(body) }
    }

    /// Runs a write again when a concurrent one claimed the same identity first: the new run
    /// sees that identity and updates its customer instead of creating a second one.
    func retryingConflicts<T: Sendable>(_ write: () async throws -> T) async throws -> T {
        for _ in 1..<Self.conflictAttempts {
            do {
                return try await write()
            } catch is StoreConflict {
                continue
            }
        }
        do {
            return try await write()
        } catch is StoreConflict {
            throw RapportError.conflict("Another request changed the same customers at the same moment; retry this one.")
        }
    }

    // MARK: Events

    /// The change's entry in the event log, stamped now, its payload serialised with its version.
    func event(_ change: some DomainChange) -> DomainEvent {
        let now = clock.now()
        let payload = change.payload
        return DomainEvent(
            id: ResourceID.make(.event, at: now), workspaceID: change.workspaceID, type: change.eventType,
            subjectID: change.subjectID, payload: payload.json, payloadVersion: type(of: payload).version, occurredAt: now)
    }
}
