/// A pipeline with each stage's totals and the forecast: the weighted totals of its open
/// stages, in the pipeline's currency.
public struct PipelineOverview: Sendable, Equatable {
    public var pipeline: Pipeline
    public var stages: [PipelineStageSummary]

    public init(pipeline: Pipeline, totals: [PipelineStageTotal]) {
        self.pipeline = pipeline
        let byStage = Dictionary(grouping: totals, by: \.stageID)
        stages = pipeline.stages.map { PipelineStageSummary(stage: $0, currency: pipeline.currency, totals: byStage[$0.id] ?? []) }
    }

    /// Σ the open stages' weighted totals (held at Int64.max).
    public var forecast: Int64 {
        stages.filter { $0.stage.kind == .open }.map(\.weightedTotal).saturatingSum
    }

    /// Σ the open stages' totals (held at Int64.max).
    public var openTotal: Int64 {
        stages.filter { $0.stage.kind == .open }.map(\.total).saturatingSum
    }

    public var openDeals: Int64 {
        stages.filter { $0.stage.kind == .open }.reduce(0) { $0 + $1.deals }
    }
}
