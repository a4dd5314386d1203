import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/tasks`: the team's tasks, listed (by status, owner, team, customer, or the deal,
/// lead or company they are about), made, read and changed (marked done with
/// `{"status": "done"}`). A journey's task step makes them too (ADR 0013).
struct WorkTaskRoutes {
    let tasks: WorkTaskService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("tasks", requiring: .viewTasks, use: list)
        group.post("tasks", requiring: .workTasks) { request, context in
            let change = try await Self.change(of: request, context: context)
            return try JSONResponse.make(WorkTaskResponse(try await tasks.create(change, as: context.actor)), status: .created)
        }
        group.get("tasks/:id", requiring: .viewTasks) { _, context in
            try JSONResponse.make(WorkTaskResponse(try await tasks.find(id: try PathID.require(context, .task, "task"), as: context.actor)))
        }
        group.patch("tasks/:id", requiring: .workTasks) { request, context in
            let id = try PathID.require(context, .task, "task")
            let change = try await Self.change(of: request, context: context)
            return try JSONResponse.make(WorkTaskResponse(try await tasks.update(id: id, change, as: context.actor)))
        }
    }

    /// `?status=open&owner_id=…&team_id=…&customer_id=…&deal_id=…&lead_id=…&company_id=…`, newest first.
    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let query = request.uri.queryParameters
        var filter = WorkTaskFilter()
        if let text = query.get("status"), !text.isEmpty {
            guard let status = WorkTaskStatus(rawValue: String(text)) else {
                throw RapportError.invalid(field: "status", "must be one of \(WorkTaskStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        filter.ownerID = try QueryID.read(query.get("owner_id"), .user, field: "owner_id")
        filter.teamID = try QueryID.read(query.get("team_id"), .team, field: "team_id")
        filter.customerID = try QueryID.read(query.get("customer_id"), .customer, field: "customer_id")
        filter.dealID = try QueryID.read(query.get("deal_id"), .deal, field: "deal_id")
        filter.leadID = try QueryID.read(query.get("lead_id"), .lead, field: "lead_id")
        filter.companyID = try QueryID.read(query.get("company_id"), .company, field: "company_id")
        let found = try await tasks.list(filter: filter, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.items.map(WorkTaskResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
    }

    /// `kind`, `title`, `status`, `due_at`, `remind_at`, `owner_id`, `team_id`, `customer_id`,
    /// `deal_id`, `lead_id`, `company_id`; all but the first three may be null to clear them.
    private static func change(of request: Request, context: AuthenticatedRequestContext) async throws -> WorkTaskChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = WorkTaskChange()
        // `kind`, `title` and `status` cannot be cleared: null is refused, not ignored.
        let kinds = WorkTaskKind.allCases.map(\.rawValue).joined(separator: ", ")
        if let kind = body.nullableString("kind", maxLength: 32) {
            change.kind = kind.flatMap(WorkTaskKind.init(rawValue:))
            if change.kind == nil { body.fail("kind", "must be one of \(kinds)") }
        }
        if let title = body.nullableString("title", maxLength: WorkTaskService.maximumTitleLength * 2) {
            change.title = title
            if title == nil { body.fail("title", "cannot be null: 1 to \(WorkTaskService.maximumTitleLength) characters") }
        }
        let statuses = WorkTaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
        if let status = body.nullableString("status", maxLength: 32) {
            change.status = status.flatMap(WorkTaskStatus.init(rawValue:))
            if change.status == nil { body.fail("status", "must be one of \(statuses)") }
        }
        change.dueAt = Self.moment("due_at", in: &body)
        change.remindAt = Self.moment("remind_at", in: &body)
        let assignment = AssignmentFields.read(&body)
        change.ownerID = assignment.ownerID
        change.teamID = assignment.teamID
        change.customerID = assignment.customerID
        change.dealID = AssignmentFields.id("deal_id", .deal, in: &body)
        change.leadID = AssignmentFields.id("lead_id", .lead, in: &body)
        change.companyID = AssignmentFields.id("company_id", .company, in: &body)
        try body.finish()
        return change
    }

    /// A date-time, or null to clear it; nil when absent or not a date-time (failed).
    private static func moment(_ key: String, in body: inout JSONObjectReader) -> Date?? {
        guard let value = body.nullableString(key, maxLength: 64) else { return nil }
        guard let text = value else { return .some(nil) }
        guard let date = Timestamp.parse(text) else {
            body.fail(key, "must be an ISO 8601 date-time such as 2026-01-31T09:30:00Z")
            return nil
        }
        return .some(date)
    }
}
