import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/meetings`: the team's meetings, listed (by organiser, customer, deal, status),
/// made, read and changed — `{"status": "cancelled"}` cancels one, which calendars then show
/// cancelled.
struct MeetingRoutes {
    let meetings: MeetingService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("meetings", requiring: .viewTasks, use: list)
        group.post("meetings", requiring: .workTasks) { request, context in
            let change = try await MeetingRequests.change(of: request, context: context)
            return try JSONResponse.make(MeetingResponse(try await meetings.create(change, as: context.actor)), status: .created)
        }
        group.get("meetings/:id", requiring: .viewTasks) { _, context in
            try JSONResponse.make(MeetingResponse(try await meetings.find(id: try PathID.require(context, .meeting, "meeting"), as: context.actor)))
        }
        group.patch("meetings/:id", requiring: .workTasks) { request, context in
            let id = try PathID.require(context, .meeting, "meeting")
            let change = try await MeetingRequests.change(of: request, context: context)
            return try JSONResponse.make(MeetingResponse(try await meetings.update(id: id, change, as: context.actor)))
        }
    }

    /// `?owner_id=…&customer_id=…&deal_id=…&status=scheduled`, newest first.
    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        var filter = MeetingFilter()
        if let text = query.get("status"), !text.isEmpty {
            guard let status = MeetingStatus(rawValue: String(text)) else {
                throw RapportError.invalid(field: "status", "must be one of \(MeetingStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        filter.ownerID = try QueryID.read(query.get("owner_id"), .user, field: "owner_id")
        filter.customerID = try QueryID.read(query.get("customer_id"), .customer, field: "customer_id")
        filter.dealID = try QueryID.read(query.get("deal_id"), .deal, field: "deal_id")
        let found = try await meetings.list(filter: filter, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.items.map(MeetingResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
    }
}
