/// A refund as a shop, a tracked event or a return reports it. `externalID` makes a repeated
/// report count once; `amount` nil means the whole remaining total.
public struct RefundInput: Sendable, Equatable {
    public var amount: Int64?
    public var reason: String?
    public var source: String
    public var externalID: String

    public init(amount: Int64?, reason: String? = nil, source: String, externalID: String) {
        self.amount = amount
        self.reason = reason
        self.source = source
        self.externalID = externalID
    }
}
