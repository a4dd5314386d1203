import RapportCore

/// The board: the pipeline with its totals and a column of cards per stage, in stage order.
struct PipelineBoardResponse: Encodable {
    let object = "pipeline_board"
    let pipeline: PipelineResponse
    let columns: [PipelineBoardColumnResponse]

    init(_ board: PipelineBoard) {
        pipeline = PipelineResponse(board.overview)
        columns = board.columns.map(PipelineBoardColumnResponse.init)
    }
}
