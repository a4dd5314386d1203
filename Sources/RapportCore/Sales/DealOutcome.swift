import Foundation

/// A closed deal as the sales dashboard reads it: won or lost, worth how much, owned by whom,
/// made and closed when.
public struct DealOutcome: Sendable, Equatable {
    public var dealID: String
    public var status: PipelineStageKind
    public var amount: Int64
    public var currency: String
    public var ownerID: String?
    public var createdAt: Date
    public var closedAt: Date

    public init(dealID: String, status: PipelineStageKind, amount: Int64, currency: String, ownerID: String?, createdAt: Date, closedAt: Date) {
        self.dealID = dealID
        self.status = status
        self.amount = amount
        self.currency = currency
        self.ownerID = ownerID
        self.createdAt = createdAt
        self.closedAt = closedAt
    }
}
