import Foundation

/// Token buckets per client key (a write key, an inbox, an inbox and an address), in this
/// process. A request takes a token; an empty bucket answers how long until the next one.
public actor RateLimiter {
    public nonisolated let limit: RateLimit
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    public init(_ limit: RateLimit) {
        self.limit = limit
    }

    /// Takes a token for `key`; throws 429 with the wait when there is none.
    public func take(_ key: String, now: Date) throws {
        let rate = Double(limit.count) / limit.period
        if buckets.count > 50_000 { forgetIdle(now: now) }
        var bucket = buckets[key] ?? (Double(limit.count), now)
        // A clock set back (NTP, an operator) refills nothing rather than draining the bucket.
        bucket.tokens = min(Double(limit.count), bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * rate)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            let seconds = max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
            throw RapportError.tooManyAttempts("Too many requests (at most \(limit)); retry in \(seconds) s.", retryAfterSeconds: seconds)
        }
        bucket.tokens -= 1
        buckets[key] = bucket
    }

    /// Drops buckets that have refilled completely: they hold nothing a new bucket would not.
    /// With a long period that may be few; then the least recently used go too, down to
    /// 40,000, so memory stays bounded and the scan runs once per 10,000 new clients (a client
    /// forgotten this way starts again with a full bucket).
    private func forgetIdle(now: Date) {
        buckets = buckets.filter { now.timeIntervalSince($0.value.at) < limit.period }
        guard buckets.count > 40_000 else { return }
        let newest = buckets.sorted { $0.value.at > $1.value.at }.prefix(40_000)
        buckets = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}
