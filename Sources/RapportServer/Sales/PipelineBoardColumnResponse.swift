import RapportCore

/// A column of the board: its first cards by position; with `has_more`, the rest come from
/// `GET /api/v1/deals?stage_id=…&starting_after=…`.
struct PipelineBoardColumnResponse: Encodable {
    let stageId: String
    let deals: [DealResponse]
    let hasMore: Bool

    init(_ column: PipelineBoardColumn) {
        stageId = column.summary.stage.id
        deals = column.deals.map(DealResponse.init)
        hasMore = column.hasMore
    }
}
