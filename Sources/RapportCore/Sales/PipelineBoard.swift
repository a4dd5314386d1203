/// The board of a pipeline: its overview and a column of cards per stage.
public struct PipelineBoard: Sendable, Equatable {
    public var overview: PipelineOverview
    public var columns: [PipelineBoardColumn]

    public init(overview: PipelineOverview, columns: [PipelineBoardColumn]) {
        self.overview = overview
        self.columns = columns
    }
}
