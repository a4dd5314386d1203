import Foundation
import RapportCore

/// A pipeline as the API shows it: its stages with their totals, and the open deals with their
/// total and forecast (the open stages' weighted totals) in the pipeline's currency.
struct PipelineResponse: Encodable {
    let object = "pipeline"
    let id: String
    let name: String
    let currency: String?
    let monthlyTarget: Int64?
    let position: Int
    let stages: [PipelineStageResponse]
    let openDeals: Int64
    let openTotal: Int64
    let forecast: Int64
    let createdBy: String
    let createdAt: String
    let updatedAt: String

    init(_ overview: PipelineOverview) {
        let pipeline = overview.pipeline
        id = pipeline.id
        name = pipeline.name
        currency = pipeline.currency
        monthlyTarget = pipeline.monthlyTarget
        position = pipeline.position
        stages = overview.stages.map(PipelineStageResponse.init)
        openDeals = overview.openDeals
        openTotal = overview.openTotal
        forecast = overview.forecast
        createdBy = pipeline.createdBy
        createdAt = Timestamp.iso8601(pipeline.createdAt)
        updatedAt = Timestamp.iso8601(pipeline.updatedAt)
    }
}
