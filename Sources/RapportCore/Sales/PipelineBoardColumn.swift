/// One column of the board: the stage with its totals and its first cards by position.
public struct PipelineBoardColumn: Sendable, Equatable {
    public var summary: PipelineStageSummary
    public var deals: [Deal]
    /// More cards follow (read on with `DealFilter.stageID` and a cursor).
    public var hasMore: Bool

    public init(summary: PipelineStageSummary, deals: [Deal], hasMore: Bool) {
        self.summary = summary
        self.deals = deals
        self.hasMore = hasMore
    }
}
