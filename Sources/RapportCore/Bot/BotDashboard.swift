/// How the bot did: conversations it took, those it ended without a person (contained),
/// those it handed over and why, those the customer left, and those still with it.
public struct BotDashboard: Sendable {
    public var handled: Int
    public var contained: Int
    public var handedOff: Int
    public var active: Int
    public var abandoned: Int
    /// Hand-offs by reason, most frequent first.
    public var reasons: [(reason: HandoffReason, count: Int)]

    public init(counts: [BotOutcomeCount]) {
        handled = counts.map(\.count).reduce(0, +)
        contained = counts.filter { $0.outcome == .contained }.map(\.count).reduce(0, +)
        handedOff = counts.filter { $0.outcome == .handedOff }.map(\.count).reduce(0, +)
        active = counts.filter { $0.outcome == .active }.map(\.count).reduce(0, +)
        abandoned = counts.filter { $0.outcome == .abandoned }.map(\.count).reduce(0, +)
        var byReason: [HandoffReason: Int] = [:]
        for count in counts where count.outcome == .handedOff {
            if let reason = count.reason { byReason[reason, default: 0] += count.count }
        }
        reasons = byReason.map { (reason: $0.key, count: $0.value) }.sorted { $0.count > $1.count || ($0.count == $1.count && $0.reason.rawValue < $1.reason.rawValue) }
    }

    /// Of the conversations that ended, the share the bot finished without a person (those
    /// the customer abandoned count as not contained); nil before any ended.
    public var containmentRate: Double? {
        let ended = contained + handedOff + abandoned
        return ended == 0 ? nil : Double(contained) / Double(ended)
    }
}
