import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/pipelines`: the workspace's pipelines with each stage's `total` and
/// `weighted_total`, made and reshaped by managers, deleted while empty, and the board
/// (`/board`: totals and the first cards of every stage).
struct PipelineRoutes {
    let pipelines: PipelineService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("pipelines", requiring: .viewSales) { _, context in
            let found = try await pipelines.list(as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.map(PipelineResponse.init), hasMore: false, lastID: nil))
        }
        group.post("pipelines", requiring: .managePipelines) { request, context in
            let draft = try await PipelineRequests.draft(of: request, context: context)
            return try JSONResponse.make(PipelineResponse(try await pipelines.create(draft, as: context.actor)), status: .created)
        }
        group.get("pipelines/:id", requiring: .viewSales) { _, context in
            try JSONResponse.make(PipelineResponse(try await pipelines.find(id: try PathID.require(context, .pipeline, "pipeline"), as: context.actor)))
        }
        group.patch("pipelines/:id", requiring: .managePipelines) { request, context in
            let id = try PathID.require(context, .pipeline, "pipeline")
            let draft = try await PipelineRequests.draft(of: request, context: context)
            return try JSONResponse.make(PipelineResponse(try await pipelines.update(id: id, draft, as: context.actor)))
        }
        group.delete("pipelines/:id", requiring: .managePipelines) { _, context in
            try await pipelines.delete(id: try PathID.require(context, .pipeline, "pipeline"), as: context.actor)
            return Response(status: .noContent)
        }
        group.get("pipelines/:id/board", requiring: .viewSales) { request, context in
            let id = try PathID.require(context, .pipeline, "pipeline")
            var cards = 50
            if let text = request.uri.queryParameters.get("limit") {
                guard let value = Int(text), (1...PipelineService.maximumCardsPerStage).contains(value) else {
                    throw RapportError.invalid(field: "limit", "must be a whole number from 1 to \(PipelineService.maximumCardsPerStage)")
                }
                cards = value
            }
            return try JSONResponse.make(PipelineBoardResponse(try await pipelines.board(id: id, cardsPerStage: cards, as: context.actor)))
        }
    }
}
