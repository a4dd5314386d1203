import Foundation
import Hummingbird
import RapportCore

/// `GET /api/v1/audit_entries`: the workspace's audit log, newest first, filtered by
/// `action`, `actor` or `customer_id`; admins only.
struct AuditRoutes {
    let audit: AuditService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("audit_entries", requiring: .viewAuditLog, use: list)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        let filter = try AuditFilterParameters.read(request)
        let result = try await audit.entries(filter: filter, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: result.items.map(AuditEntryResponse.init), hasMore: result.hasMore, lastID: result.items.last.map { String($0.position) }))
    }
}
