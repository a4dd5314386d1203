/// What decides how many of a customer's usable points have expired, oldest first:
/// - `creditedBeforeCutoff`: points given before the programme's cutoff that are still given —
///   an order's counted from when they first became usable, net of what returns took back of
///   that order (a return takes back its own order's points, not the oldest); gifts and rewards
///   from when they were given;
/// - `taken`: every usable point spent or taken by hand since the ledger began;
/// - `expired`: what expiry took so far.
public struct LoyaltyExpirySums: Sendable, Equatable {
    public var customerID: String
    public var creditedBeforeCutoff: Int64
    public var taken: Int64
    public var expired: Int64

    public init(customerID: String, creditedBeforeCutoff: Int64, taken: Int64, expired: Int64) {
        self.customerID = customerID
        self.creditedBeforeCutoff = creditedBeforeCutoff
        self.taken = taken
        self.expired = expired
    }

    /// Points to expire now. Spending, taking by hand and expiry all take the oldest points
    /// first, so what they took is always the oldest points given (to a point): what is left of
    /// those given before the cutoff is what was given before it less everything taken.
    public var expiring: Int64 { max(0, creditedBeforeCutoff - taken - expired) }

    /// Names the sums it was computed from: the same state writes one entry, however often and
    /// however many runs at once compute it (an entry written raises `expired`, so the state
    /// it was computed from does not come back).
    public var origin: String { "expire:\(customerID):\(creditedBeforeCutoff):\(taken):\(expired)" }
}
