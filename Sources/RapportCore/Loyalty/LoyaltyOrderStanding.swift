/// Where one order's points stand, summed from its ledger entries: what it earned, what is
/// still pending, what it made usable, and what was taken back.
public struct LoyaltyOrderStanding: Sendable, Equatable {
    public var earned: Int64 = 0
    public var pending: Int64 = 0
    /// Points made usable: earned usable at once, or released from pending.
    public var madeUsable: Int64 = 0
    public var reversed: Int64 = 0

    public init() {}

    /// The standing once `entry` (one of the order's) is counted.
    public mutating func count(_ entry: LoyaltyEntry) {
        count(kind: entry.kind, points: entry.points, pendingPoints: entry.pendingPoints)
    }

    /// The same from a sum of the order's entries of one kind.
    public mutating func count(kind: LoyaltyEntryKind, points: Int64, pendingPoints: Int64) {
        pending += pendingPoints
        switch kind {
        case .earn:
            earned += points + pendingPoints
            madeUsable += points
        case .release:
            madeUsable += points
        case .reverse:
            reversed -= points + pendingPoints
        case .redeem, .expire, .adjust, .reward:
            break
        }
    }
}
