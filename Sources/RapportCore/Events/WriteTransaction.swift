import Foundation
import Synchronization

/// One transaction as services and subscribers see it: the store's session, the changes
/// recorded in it and what to announce once it commits.
public final class WriteTransaction: Sendable {
    public let session: any StoreSession
    let context: CoreContext
    private let pendingAnnouncements = Mutex<[LiveUpdate]>([])
    /// Per workspace and customer, what this transaction changed that segments read.
    private let segmentTouches = Mutex<[String: [String: SegmentTouch]]>([:])
    /// How deep in `record` this transaction is (a subscriber recording changes of its own),
    /// and the changes to hand to the subscribers once the outermost round is over.
    private let delivery = Mutex<(depth: Int, deferred: [any DomainChange])>((0, []))

    init(session: any StoreSession, context: CoreContext) {
        self.session = session
        self.context = context
    }

    /// Appends the changes' events to the log and hands the changes to every subscriber, in
    /// this transaction. A subscriber may record changes of its own; they reach the
    /// subscribers in turn.
    public func record(_ changes: [any DomainChange]) async throws {
        try await record(changes, prebuilt: changes.map { context.event($0) })
    }

    /// `record` with the changes' events built ahead, one per change in the same order (bulk
    /// writes build them on another core while the rows are inserted).
    func record(_ changes: [any DomainChange], prebuilt events: [DomainEvent]) async throws {
        precondition(events.count == changes.count, "one event per change")
        guard !changes.isEmpty else { return }
        try await session.events.append(events)
        delivery.withLock { $0.depth += 1 }
        do {
            for subscriber in context.subscribers {
                try await subscriber.handle(changes, in: self)
            }
        } catch {
            // What was deferred stays: a caller that catches the error and commits records it
            // before the commit (`recordDeferred`); a rollback drops it with the rest.
            delivery.withLock { $0.depth -= 1 }
            throw error
        }
        // The outermost round over, what subscribers deferred reaches them all in turn.
        let deferred = delivery.withLock { state -> [any DomainChange] in
            state.depth -= 1
            guard state.depth == 0 else { return [] }
            defer { state.deferred = [] }
            return state.deferred
        }
        if !deferred.isEmpty { try await record(deferred) }
    }

    /// Records what is still deferred once no round is running: a round that threw into a
    /// caller that caught it and went on. `CoreContext.write` calls it before the commit.
    func recordDeferred() async throws {
        let deferred = delivery.withLock { state -> [any DomainChange] in
            guard state.depth == 0 else { return [] }
            defer { state.deferred = [] }
            return state.deferred
        }
        if !deferred.isEmpty { try await record(deferred) }
    }

    /// Records the changes once every subscriber has had the changes being handled now: a
    /// subscriber's consequence (points earned by an order) reaches the other subscribers after
    /// its cause (the order), so a journey hears them in that order. Outside a round, at once.
    public func recordAfterThisRound(_ changes: [any DomainChange]) async throws {
        guard !changes.isEmpty else { return }
        let now = delivery.withLock { state -> Bool in
            guard state.depth > 0 else { return true }
            state.deferred += changes
            return false
        }
        if now { try await record(changes) }
    }

    public func record(_ change: any DomainChange) async throws {
        try await record([change])
    }

    /// Asks for the updates to be published to connected screens after the commit (never
    /// when the transaction rolls back).
    public func announceAfterCommit(_ updates: [LiveUpdate]) {
        pendingAnnouncements.withLock { $0 += updates }
    }

    /// What to publish: every message update in order, and for each conversation one update
    /// (created, if it was) where it was first announced, carrying its state at the commit.
    var announcements: [LiveUpdate] {
        let updates = pendingAnnouncements.withLock { $0 }
        var latest: [String: LiveUpdate] = [:]
        for update in updates where update.isConversationLevel { latest[update.conversationID] = update }
        var announced = Set<String>()
        return updates.compactMap { update in
            guard update.isConversationLevel else { return update }
            guard announced.insert(update.conversationID).inserted, var merged = latest[update.conversationID] else { return nil }
            merged.type = update.type
            return merged
        }
    }

    /// Notes that the customers' segment memberships may have changed; they are settled
    /// before the transaction commits. `events`: the tracked events' names (nil: any).
    public func touchSegments(
        of customerIDs: some Sequence<String>, workspaceID: String, facets: Set<SegmentFacet>, events: Set<String>? = [],
        reason: SegmentChangeReason
    ) {
        let touch = SegmentTouch(facets: facets, eventNames: events, reason: reason)
        segmentTouches.withLock { touches in
            for customerID in customerIDs {
                if touches[workspaceID]?[customerID] != nil {
                    touches[workspaceID]?[customerID]?.merge(touch)
                } else {
                    touches[workspaceID, default: [:]][customerID] = touch
                }
            }
        }
    }

    /// The touches noted so far, handed over once.
    func takeSegmentTouches() -> [String: [String: SegmentTouch]] {
        segmentTouches.withLock { touches in
            defer { touches = [:] }
            return touches
        }
    }

    var now: Date { context.clock.now() }
}
