import Foundation

/// Turns the event log into jobs: each new event becomes one `webhook.deliver` job per
/// subscription that wants it, enqueued in the transaction that advances the dispatcher's
/// position, with a unique key per (subscription, event) so nothing is sent twice.
public struct EventDispatcher: Sendable {
    public static let consumer = "webhooks"

    public let store: any DataStore
    public let clock: any WallClock
    /// Events younger than this are left for the next round. On PostgreSQL, sequence numbers
    /// are handed out before commit, so a slow transaction can commit a lower number after a
    /// higher one was read; waiting this long lets such stragglers land first.
    public let settleTime: TimeInterval

    public init(store: any DataStore, clock: any WallClock, settleTime: TimeInterval) {
        self.store = store
        self.clock = clock
        self.settleTime = settleTime
    }

    /// Dispatches up to `limit` events; returns how many were consumed. The events are read
    /// before the write transaction, which then only enqueues and moves the position (if no
    /// other dispatcher moved it meanwhile), so the single SQLite writer is held briefly.
    @discardableResult
    public func dispatch(limit: Int = 500) async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-settleTime)
        let (subscriptions, position) = try await store.read { session in
            (try await session.webhooks.active(), try await session.events.position(of: Self.consumer))
        }
        guard !subscriptions.isEmpty else { return try await skip(from: position, cutoff: cutoff) }
        let events = try await store.read { session in try await session.events.events(after: position, limit: limit) }
            .prefix { $0.event.occurredAt <= cutoff }
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
            try await session.events.setPosition(last.sequence, of: Self.consumer)
            return events.count
        }
    }

    /// With no subscriber, the position only moves to the newest settled event.
    private func skip(from position: Int64, cutoff: Date) async throws -> Int {
        guard let newest = try await store.read({ session in
            try await session.events.newestSequence(after: position, occurredBy: cutoff)
        }) else { return 0 }
        return try await store.write { session in
            guard try await session.events.position(of: Self.consumer) == position else { return 0 }
            try await session.events.setPosition(newest, of: Self.consumer)
            return Int(newest - position)
        }
    }
}
