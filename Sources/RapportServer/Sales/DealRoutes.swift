import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/deals`: listed (by pipeline, stage — in the board's order —, status, owner, team
/// or customer), made, read, moved and changed (`stage`, `after_id`, `status` won or lost with
/// a `close_reason`), deleted, and their stage moves.
struct DealRoutes {
    let deals: DealService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("deals", requiring: .viewSales, use: list)
        group.post("deals", requiring: .workDeals) { request, context in
            let change = try await DealRequests.change(of: request, context: context)
            return try JSONResponse.make(DealResponse(try await deals.create(change, as: context.actor)), status: .created)
        }
        group.get("deals/:id", requiring: .viewSales) { _, context in
            try JSONResponse.make(DealResponse(try await deals.find(id: try PathID.require(context, .deal, "deal"), as: context.actor)))
        }
        group.patch("deals/:id", requiring: .workDeals) { request, context in
            let id = try PathID.require(context, .deal, "deal")
            let change = try await DealRequests.change(of: request, context: context)
            return try JSONResponse.make(DealResponse(try await deals.update(id: id, change, as: context.actor)))
        }
        group.delete("deals/:id", requiring: .workDeals) { _, context in
            try await deals.delete(id: try PathID.require(context, .deal, "deal"), as: context.actor)
            return Response(status: .noContent)
        }
        group.get("deals/:id/moves", requiring: .viewSales) { _, context in
            let moves = try await deals.moves(id: try PathID.require(context, .deal, "deal"), as: context.actor)
            return try JSONResponse.make(ListResponse(data: moves.map(DealStageMoveResponse.init), hasMore: false, lastID: nil))
        }
    }

    /// `?pipeline_id=…&stage_id=…&status=open&owner_id=…&team_id=…&customer_id=…&company_id=…`.
    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        var filter = DealFilter()
        if let text = query.get("status"), !text.isEmpty {
            guard let status = PipelineStageKind(rawValue: String(text)) else {
                throw RapportError.invalid(field: "status", "must be one of \(PipelineStageKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        filter.pipelineID = try QueryID.read(query.get("pipeline_id"), .pipeline, field: "pipeline_id")
        filter.stageID = try QueryID.read(query.get("stage_id"), .pipelineStage, field: "stage_id")
        filter.ownerID = try QueryID.read(query.get("owner_id"), .user, field: "owner_id")
        filter.teamID = try QueryID.read(query.get("team_id"), .team, field: "team_id")
        filter.customerID = try QueryID.read(query.get("customer_id"), .customer, field: "customer_id")
        filter.companyID = try QueryID.read(query.get("company_id"), .company, field: "company_id")
        let found = try await deals.list(filter: filter, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.items.map(DealResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
    }
}
