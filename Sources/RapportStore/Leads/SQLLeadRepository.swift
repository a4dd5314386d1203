import Foundation
import RapportCore
import SQLKit

struct SQLLeadRepository: LeadRepository {
    let handle: SQLConnectionHandle

    func lead(id: String, workspaceID: String) async throws -> Lead? {
        try await handle.sql.raw("""
            SELECT * FROM leads l WHERE l.id = \(bind: id) AND l.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "l", in: handle))
            """).first().flatMap(decode)
    }

    static let openStatuses = LeadStatus.allCases.filter(\.isOpen).map(\.rawValue)

    func customerID(ofLead id: String, workspaceID: String) async throws -> String? {
        try await handle.sql.raw("SELECT customer_id FROM leads WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first()
            .map { try $0.string("customer_id") }
    }

    func openLead(customerID: String, workspaceID: String) async throws -> Lead? {
        try await handle.sql.raw("""
            SELECT * FROM leads l WHERE l.customer_id = \(bind: customerID) AND l.workspace_id = \(bind: workspaceID) AND l.status IN (\(binds: Self.openStatuses))
            ORDER BY l.created_at, l.id LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "l", in: handle))
            """).first().flatMap(decode)
    }

    func leads(workspaceID: String, filter: LeadFilter, page: PageRequest) async throws -> Page<Lead> {
        var query: SQLQueryString = "SELECT * FROM leads WHERE workspace_id = \(bind: workspaceID)"
        if let status = filter.status { query += " AND status = \(bind: status.rawValue)" }
        if filter.openOnly { query += " AND status IN (\(binds: Self.openStatuses))" }
        if let source = filter.source { query += " AND source = \(bind: source.rawValue)" }
        if let owner = filter.ownerID { query += " AND owner_id = \(bind: owner)" }
        if let team = filter.teamID { query += " AND team_id = \(bind: team)" }
        if let customer = filter.customerID { query += " AND customer_id = \(bind: customer)" }
        if let company = filter.companyID { query += " AND company_id = \(bind: company)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func openLeads(customerIDs: [String], workspaceID: String) async throws -> [Lead] {
        guard !customerIDs.isEmpty else { return [] }
        return try await handle.sql.raw("""
            SELECT * FROM leads WHERE customer_id IN (\(binds: customerIDs)) AND workspace_id = \(bind: workspaceID)
              AND status IN (\(binds: Self.openStatuses)) ORDER BY id
            """).all().compactMap(decode)
    }

    func insert(_ lead: Lead) async throws {
        try await handle.sql.raw("""
            INSERT INTO leads (id, workspace_id, customer_id, company_id, source, campaign, origin_id, title, owner_id, team_id, status,
              disqualified_reason, deal_id, enquiries, last_enquiry_at, converted_at, created_by, created_at, updated_at)
            VALUES (\(bind: lead.id), \(bind: lead.workspaceID), \(bind: lead.customerID), \(bind: lead.companyID), \(bind: lead.source.rawValue),
              \(bind: lead.campaign), \(bind: lead.originID), \(bind: lead.title), \(bind: lead.ownerID), \(bind: lead.teamID), \(bind: lead.status.rawValue),
              \(bind: lead.disqualifiedReason), \(bind: lead.dealID), \(bind: lead.enquiries), \(bind: Timestamp.microseconds(lead.lastEnquiryAt)),
              \(bind: lead.convertedAt.map(Timestamp.microseconds)), \(bind: lead.createdBy), \(bind: Timestamp.microseconds(lead.createdAt)),
              \(bind: Timestamp.microseconds(lead.updatedAt)))
            """).run()
    }

    func update(_ lead: Lead) async throws {
        try await handle.sql.raw("""
            UPDATE leads SET company_id = \(bind: lead.companyID), campaign = \(bind: lead.campaign), title = \(bind: lead.title),
              owner_id = \(bind: lead.ownerID), team_id = \(bind: lead.teamID), status = \(bind: lead.status.rawValue),
              disqualified_reason = \(bind: lead.disqualifiedReason), deal_id = \(bind: lead.dealID), enquiries = \(bind: lead.enquiries),
              last_enquiry_at = \(bind: Timestamp.microseconds(lead.lastEnquiryAt)), converted_at = \(bind: lead.convertedAt.map(Timestamp.microseconds)),
              updated_at = \(bind: Timestamp.microseconds(lead.updatedAt))
            WHERE id = \(bind: lead.id) AND workspace_id = \(bind: lead.workspaceID)
            """).run()
    }

    /// A lead whose status or source this build does not know (a newer one wrote it) is left out.
    private func decode(_ row: any SQLRow) throws -> Lead? {
        guard let status = LeadStatus(rawValue: try row.string("status")), let source = LeadSource(rawValue: try row.string("source")) else { return nil }
        return Lead(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"),
            companyID: try row.optionalString("company_id"), source: source, campaign: try row.optionalString("campaign"),
            originID: try row.optionalString("origin_id"), title: try row.optionalString("title"), ownerID: try row.optionalString("owner_id"),
            teamID: try row.optionalString("team_id"), status: status, disqualifiedReason: try row.optionalString("disqualified_reason"),
            dealID: try row.optionalString("deal_id"), enquiries: Int(try row.int("enquiries")), lastEnquiryAt: try row.date("last_enquiry_at"),
            convertedAt: try row.optionalDate("converted_at"), createdBy: try row.string("created_by"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
