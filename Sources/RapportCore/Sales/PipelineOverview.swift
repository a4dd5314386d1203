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

    /// Σ the open stages' weighted totals (at most Int64.max).
    public var forecast: Int64 {
        Self.sum(stages.filter { $0.stage.kind == .open }.map(\.weightedTotal))
    }

    /// Σ the open stages' totals (at most Int64.max).
    public var openTotal: Int64 {
        Self.sum(stages.filter { $0.stage.kind == .open }.map(\.total))
    }

    private static func sum(_ values: [Int64]) -> Int64 {
        values.reduce(Int64(0)) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? (value < 0 ? Int64.min : Int64.max) : sum
        }
    }

    public var openDeals: Int64 {
        stages.filter { $0.stage.kind == .open }.reduce(0) { $0 + $1.deals }
    }
}
