import Foundation

/// Enforces the retention periods: run hourly beside the server (and by `rapport worker`).
/// Inactive customers, when the store asks for it, are erased the way a person's request
/// erases them (audited as `system:retention`), their orders kept for the books.
public struct RetentionService: Sendable {
    /// Inactive customers erased per round, so one round stays short.
    static let erasuresPerRound = 200

    private let privacy: PrivacyService
    private let store: any DataStore
    private let clock: any WallClock

    public init(privacy: PrivacyService, store: any DataStore, clock: any WallClock) {
        self.privacy = privacy
        self.store = store
        self.clock = clock
    }

    public func run(_ policy: RetentionPolicy) async throws -> RetentionReport {
        let now = clock.now()
        @Sendable func before(_ days: Int) -> Date { now.addingTimeInterval(-TimeInterval(days) * 86_400) }
        var report = try await store.write { session in
            let retention = session.retention
            var removed = RetentionReport()
            removed.sessions = try await retention.deleteSessions(expiredBefore: before(policy.sessions))
            removed.shopDeliveries = try await retention.deleteShopDeliveries(receivedBefore: before(policy.shopDeliveries))
            removed.webhookAttempts = try await retention.deleteWebhookAttempts(before: before(policy.webhookAttempts))
            removed.events = try await retention.compactEvents(before: before(policy.events), readBy: EventDispatcher.consumer)
            removed.anonymousTracking = try await retention.deleteAnonymousTracking(before: before(policy.anonymousTracking))
            // An address that never confirmed is kept only while its link might still be
            // followed late, then forgotten.
            removed.unconfirmedSignUps = try await session.signUps.purgeUnconfirmed(
                expiredBefore: now.addingTimeInterval(-SignUpService.unconfirmedGrace))
            return removed
        }
        if let days = policy.inactiveCustomers {
            let inactive = try await store.read { session in
                try await session.retention.inactiveCustomers(since: before(days), limit: Self.erasuresPerRound)
            }
            for (workspaceID, customerID) in inactive {
                do {
                    _ = try await privacy.erase(customerID: customerID, as: .system("retention", workspaceID: workspaceID))
                    report.erasedCustomers += 1
                } catch RapportError.gone, RapportError.notFound, RapportError.mergedInto {
                    // Erased, purged or merged meanwhile (another server's round, a request).
                }
            }
        }
        return report
    }
}
