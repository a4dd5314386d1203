import Foundation

/// Turns the event log into jobs: each new event becomes one `webhook.deliver` job per
/// subscription that wants it, enqueued in the transaction that advances the dispatcher's
/// position, with a unique key per (subscription, event) so nothing is sent twice.
public struct EventDispatcher: Sendable {
    public static let consumer = "webhooks"

    public let store: any DataStore
    public let clock: any WallClock

    public init(store: any DataStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// Dispatches up to `limit` events; returns how many were consumed. The events are read
    /// before the write transaction, which then only enqueues and moves the position (if no
    /// other dispatcher moved it meanwhile), so the single SQLite writer is held briefly.
    @discardableResult
    public func dispatch(limit: Int = 500) async throws -> Int {
        let (subscriptions, position) = try await store.read { session in
            (try await session.webhooks.active(), try await session.events.position(of: Self.consumer))
        }
        guard !subscriptions.isEmpty else { return try await skip(from: position) }
        // Only settled events: on PostgreSQL a transaction still running may yet commit an
        // event with a lower sequence number, and moving past it would lose it for subscribers.
        let events = try await store.read { session in try await session.events.settledEvents(after: position, limit: limit) }
        guard let last = events.last else { return 0 }
        let encoder = JSONCoding.makeEncoder()
        var requests: [JobRequest] = []
        for stored in events {
            for subscription in subscriptions
            where subscription.workspaceID == stored.event.workspaceID && subscription.wants(stored.event.type) {
                let payload = WebhookDeliveryPayload(subscriptionID: subscription.id, eventID: stored.event.id)
                requests.append(JobRequest(
                    kind: WebhookDeliveryPayload.jobKind, payload: String(decoding: try encoder.encode(payload), as: UTF8.self),
                    uniqueKey: "\(subscription.id):\(stored.event.id)", maxAttempts: 10))
            }
        }
        let now = clock.now()
        let jobs = requests
        return try await store.write { session in
            guard try await session.events.position(of: Self.consumer) == position else { return 0 }
            try await session.jobs.enqueue(jobs, now: now)
            try await session.events.setPosition(last.position, of: Self.consumer)
            return events.count
        }
    }

    /// With no subscriber, the position only moves to the newest settled event.
    private func skip(from position: EventPosition) async throws -> Int {
        guard let newest = try await store.read({ session in try await session.events.newestSettledPosition(after: position) })
        else { return 0 }
        return try await store.write { session in
            guard try await session.events.position(of: Self.consumer) == position else { return 0 }
            try await session.events.setPosition(newest, of: Self.consumer)
            return 1
        }
    }
}
