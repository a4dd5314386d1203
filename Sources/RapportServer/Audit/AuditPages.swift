import Foundation
import Hummingbird
import RapportCore

/// `/audit`: the audit log for admins, filtered by action, who acted or the customer, and its
/// export as one JSON document.
struct AuditPages {
    let audit: AuditService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("audit", requiring: .viewAuditLog, use: show)
        group.get("audit/export", requiring: .viewAuditLog, use: export)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let filter = try AuditFilterParameters.read(request)
        let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }.map(String.init)
        let page = try await audit.entries(filter: filter, page: try PageRequest(limit: 50, startingAfter: before), as: context.actor)
        let head = try await audit.head(as: context.actor)
        let rows = page.items.map { entry in
            let subject = entry.subjectType.map { kind in "\(kind) \(entry.subjectID ?? "(erased)")" }
            let href = entry.subjectType == "customer" ? entry.subjectID.map { "/customers/\($0)" } : nil
            let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            return AuditPageView.Row(
                position: entry.position, when: WebFormat.time(entry.occurredAt), whenISO: WebFormat.iso(entry.occurredAt),
                actor: entry.actor, ipAddress: entry.ipAddress, action: entry.action, subject: subject, subjectHref: href,
                details: details.isEmpty ? nil : details)
        }
        var next: String?
        if page.hasMore, let last = page.items.last {
            var query = [("action", filter.action), ("actor", filter.actor), ("customer_id", filter.subjectID)]
                .compactMap { name, value in value.map { "\(name)=\(WebRedirect.encoded($0))" } }
            query.append("before=\(last.position)")
            next = "/audit?" + query.joined(separator: "&")
        }
        let view = AuditPageView(
            actions: AuditAction.allCases.map { ChoiceView(value: $0.rawValue, selected: $0.rawValue == filter.action) },
            actor: filter.actor, customerID: filter.subjectID, head: head.map { AuditPageView.Head(position: $0.position, hash: $0.hash) },
            rows: rows, empty: rows.isEmpty, next: next)
        return try pages.render("audit", context, title: "Audit log", section: "audit", view: view)
    }

    /// The whole log, oldest first, as JSON (itself an audited act).
    @Sendable func export(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let entries = try await audit.export(as: context.actor)
        var response = try JSONResponse.make(AuditExportResponse(data: entries.map(AuditEntryResponse.init)))
        response.headers[.contentDisposition] = "attachment; filename=\"rapport-audit-log.json\""
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
