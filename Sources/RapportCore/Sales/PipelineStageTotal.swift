/// What a stage holds in one currency: how many deals and their amounts summed (minor units).
/// Kept as deals change (a delta row, added to the kept one in the same write) and rebuilt from
/// the deals by `rapport pipeline rebuild`.
public struct PipelineStageTotal: Sendable, Equatable, Hashable {
    public var workspaceID: String
    public var pipelineID: String
    public var stageID: String
    public var currency: String
    public var deals: Int64
    public var amount: Int64

    public init(workspaceID: String, pipelineID: String, stageID: String, currency: String, deals: Int64, amount: Int64) {
        self.workspaceID = workspaceID
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.currency = currency
        self.deals = deals
        self.amount = amount
    }

    /// What a deal adds to its stage's total (`sign` -1: what it takes away).
    public static func of(_ deal: Deal, sign: Int64) -> PipelineStageTotal {
        PipelineStageTotal(
            workspaceID: deal.workspaceID, pipelineID: deal.pipelineID, stageID: deal.stageID, currency: deal.currency, deals: sign, amount: sign * deal.amount)
    }
}
