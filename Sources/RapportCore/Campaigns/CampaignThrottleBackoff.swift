import Foundation
import Synchronization

/// How campaigns slow down when their inbox's provider asks for fewer messages (HTTP 429, or
/// the provider's rate-limit code). The limit is the provider account's, so the wait is kept
/// per inbox: every campaign sending through it waits. A provider that throttled at least half
/// of a batch is over its limit: the inbox waits a second, twice as long after each such batch
/// that follows, at most a minute. One that throttled fewer is at the edge of it: those few go
/// back to the queue for a second and sending goes on; such a batch, like one with nothing
/// throttled, ends the wait. Kept per process: senders in other processes see the throttled
/// sends, which stay out of the queue for as long.
public final class CampaignThrottleBackoff: Sendable {
    public static let first: TimeInterval = 1
    public static let longest: TimeInterval = 60
    /// Throttled this long without a break, a campaign pauses with the provider's words: a
    /// limit that does not lift (an account over its quota, Meta's limit on a number of poor
    /// quality) needs a person, not a retry a minute for ever.
    public static let givingUp: TimeInterval = 30 * 60
    private let waits = Mutex<[String: (streak: Int, until: Date, since: Date)]>([:])

    public init() {}

    /// Notes a batch of `total` messages through the inbox, `throttled` of them throttled, at
    /// `now`; answers when the throttled ones go back in the queue (nil when there are none).
    public func note(throttled: Int, of total: Int, inboxID: String, at now: Date) -> Date? {
        waits.withLock { waits in
            guard throttled > 0 else {
                waits.removeValue(forKey: inboxID)
                return nil
            }
            guard throttled * 2 >= total else {
                waits.removeValue(forKey: inboxID)
                return now.addingTimeInterval(Self.first)
            }
            let earlier = waits[inboxID]
            let streak = (earlier?.streak ?? 0) + 1
            let until = now.addingTimeInterval(min(Self.longest, Self.first * pow(2, Double(min(streak, 16) - 1))))
            waits[inboxID] = (streak, until, earlier?.since ?? now)
            return until
        }
    }

    /// Whether campaigns through the inbox are still waiting at `now`.
    public func isWaiting(_ inboxID: String, at now: Date) -> Bool {
        waits.withLock { waits in waits[inboxID].map { now < $0.until } ?? false }
    }

    /// Whether the inbox's provider has throttled batch after batch for `givingUp` by `now`;
    /// if so, the wait is forgotten (a campaign resumed starts afresh).
    public func givesUp(_ inboxID: String, at now: Date) -> Bool {
        waits.withLock { waits in
            guard let since = waits[inboxID]?.since, now.timeIntervalSince(since) >= Self.givingUp else { return false }
            waits.removeValue(forKey: inboxID)
            return true
        }
    }
}
