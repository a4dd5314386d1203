import Foundation

extension Conversation {
    /// Resolved now, whoever resolves it (a person or the bot): no snooze left, SLA clocks stopped.
    mutating func markResolved(at now: Date) {
        status = .resolved
        resolvedAt = now
        snoozedUntil = nil
        SLAClock(policy: nil).resolved(&self)
    }
}
