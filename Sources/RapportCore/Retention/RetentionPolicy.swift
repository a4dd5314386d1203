import Foundation

/// How long Rapport keeps what it no longer needs, in days. Each is configurable
/// (`RAPPORT_RETENTION_<NAME>_DAYS`); `inactiveCustomers` is off unless set, since erasing
/// customers is the store's decision, as Mautic's `--gdpr` clean-up of contacts inactive for
/// three years is.
public struct RetentionPolicy: Sendable, Equatable {
    /// Signed-out and expired sessions, after their expiry.
    public var sessions: Int
    /// Shop webhook delivery ids kept to refuse repeats.
    public var shopDeliveries: Int
    /// The outcomes of outgoing webhook attempts.
    public var webhookAttempts: Int
    /// Domain events every webhook subscriber has been sent: kept this long for webhooks to
    /// retry and people to read, then compacted away (the audit log is kept apart).
    public var events: Int
    /// Tracked calls of visitors never identified.
    public var anonymousTracking: Int
    /// Customers with no change, order or tracked call for this long are erased; nil: never.
    public var inactiveCustomers: Int?

    public init(
        sessions: Int = 30, shopDeliveries: Int = 30, webhookAttempts: Int = 30, events: Int = 90, anonymousTracking: Int = 180,
        inactiveCustomers: Int? = nil
    ) {
        self.sessions = sessions
        self.shopDeliveries = shopDeliveries
        self.webhookAttempts = webhookAttempts
        self.events = events
        self.anonymousTracking = anonymousTracking
        self.inactiveCustomers = inactiveCustomers
    }

    /// The defaults with what the environment sets; a value that is not a whole number of
    /// days of at least 1 is refused.
    public static func from(environment: [String: String]) throws -> RetentionPolicy {
        var policy = RetentionPolicy()
        func days(_ name: String) throws -> Int? {
            guard let text = environment["RAPPORT_RETENTION_\(name)_DAYS"] else { return nil }
            guard let value = Int(text), value >= 1 else {
                throw RapportError.invalid(field: "RAPPORT_RETENTION_\(name)_DAYS", "must be a whole number of days, at least 1")
            }
            return value
        }
        policy.sessions = try days("SESSIONS") ?? policy.sessions
        policy.shopDeliveries = try days("SHOP_DELIVERIES") ?? policy.shopDeliveries
        policy.webhookAttempts = try days("WEBHOOK_ATTEMPTS") ?? policy.webhookAttempts
        policy.events = try days("EVENTS") ?? policy.events
        policy.anonymousTracking = try days("ANONYMOUS_TRACKING") ?? policy.anonymousTracking
        policy.inactiveCustomers = try days("INACTIVE_CUSTOMERS")
        return policy
    }
}
