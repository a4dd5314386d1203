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

    /// Dispatches up to `limit` events; returns how many were consumed.
    @discardableResult
    public func dispatch(limit: Int = 500) async throws -> Int {
        let subscriptions = try await store.read { session in try await session.webhooks.active() }
        let now = clock.now()
        let cutoff = now.addingTimeInterval(-settleTime)
        return try await store.write { session in
            let position = try await session.events.position(of: Self.consumer)
            let events = try await session.events.events(after: position, limit: limit)
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
            try await session.jobs.enqueue(requests, now: now)
            try await session.events.setPosition(last.sequence, of: Self.consumer)
            return events.count
        }
    }
}
