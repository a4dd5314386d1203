import Foundation
import RapportCore
import SQLKit

struct SQLCompanyRepository: CompanyRepository {
    let handle: SQLConnectionHandle

    func company(id: String, workspaceID: String) async throws -> Company? {
        try await handle.sql.raw("SELECT * FROM companies WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().map(decode)
    }

    func company(domain: String, workspaceID: String) async throws -> Company? {
        try await handle.sql.raw("SELECT * FROM companies WHERE workspace_id = \(bind: workspaceID) AND domain = \(bind: domain)").first().map(decode)
    }

    func company(named name: String, workspaceID: String) async throws -> Company? {
        try await handle.sql.raw("""
            SELECT * FROM companies WHERE workspace_id = \(bind: workspaceID) AND lower(name) = lower(\(bind: name)) ORDER BY id LIMIT 1
            """).first().map(decode)
    }

    func companies(workspaceID: String, filter: CompanyFilter, page: PageRequest) async throws -> Page<Company> {
        var query: SQLQueryString = "SELECT * FROM companies WHERE workspace_id = \(bind: workspaceID)"
        if let text = filter.query, !text.isEmpty {
            let prefix = LikePattern.escaped(text) + "%"
            query += " AND (lower(name) LIKE lower(\(bind: prefix)) ESCAPE '\\' OR domain LIKE lower(\(bind: prefix)) ESCAPE '\\')"
        }
        if let owner = filter.ownerID { query += " AND owner_id = \(bind: owner)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).map(decode), hasMore: rows.count > page.limit)
    }

    func insert(_ company: Company) async throws {
        try await handle.sql.raw("""
            INSERT INTO companies (id, workspace_id, name, domain, size, country, industry, owner_id, team_id, created_by, created_at, updated_at)
            VALUES (\(bind: company.id), \(bind: company.workspaceID), \(bind: company.name), \(bind: company.domain), \(bind: company.size?.rawValue),
              \(bind: company.country), \(bind: company.industry), \(bind: company.ownerID), \(bind: company.teamID), \(bind: company.createdBy),
              \(bind: Timestamp.microseconds(company.createdAt)), \(bind: Timestamp.microseconds(company.updatedAt)))
            """).run()
    }

    func update(_ company: Company) async throws {
        try await handle.sql.raw("""
            UPDATE companies SET name = \(bind: company.name), domain = \(bind: company.domain), size = \(bind: company.size?.rawValue),
              country = \(bind: company.country), industry = \(bind: company.industry), owner_id = \(bind: company.ownerID), team_id = \(bind: company.teamID),
              updated_at = \(bind: Timestamp.microseconds(company.updatedAt))
            WHERE id = \(bind: company.id) AND workspace_id = \(bind: company.workspaceID)
            """).run()
    }

    func delete(companyID: String, workspaceID: String) async throws {
        try await handle.sql.raw("DELETE FROM companies WHERE id = \(bind: companyID) AND workspace_id = \(bind: workspaceID)").run()
    }

    func isNamed(companyID: String, workspaceID: String) async throws -> Bool {
        let deals = try await handle.sql.raw("SELECT 1 AS n FROM deals WHERE company_id = \(bind: companyID) AND workspace_id = \(bind: workspaceID) LIMIT 1").first()
        if deals != nil { return true }
        return try await handle.sql.raw("SELECT 1 AS n FROM leads WHERE company_id = \(bind: companyID) AND workspace_id = \(bind: workspaceID) LIMIT 1").first() != nil
    }

    func people(companyID: String, workspaceID: String) async throws -> [CompanyPerson] {
        try await handle.sql.raw("""
            SELECT p.* FROM company_people p JOIN customers c ON c.id = p.customer_id
            WHERE p.company_id = \(bind: companyID) AND p.workspace_id = \(bind: workspaceID) AND c.merged_into_id IS NULL
            ORDER BY p.is_primary DESC, p.added_at, p.customer_id
            """).all().map(decodePerson)
    }

    func save(_ person: CompanyPerson, workspaceID: String) async throws {
        if person.isPrimary {
            try await handle.sql.raw("""
                UPDATE company_people SET is_primary = 0 WHERE company_id = \(bind: person.companyID) AND customer_id <> \(bind: person.customerID)
                """).run()
        }
        try await handle.sql.raw("""
            INSERT INTO company_people (company_id, customer_id, workspace_id, role, is_primary, added_at)
            VALUES (\(bind: person.companyID), \(bind: person.customerID), \(bind: workspaceID), \(bind: person.role), \(bind: person.isPrimary ? 1 : 0),
              \(bind: Timestamp.microseconds(person.addedAt)))
            ON CONFLICT (company_id, customer_id) DO UPDATE SET role = excluded.role, is_primary = excluded.is_primary
            """).run()
    }

    func remove(customerID: String, companyID: String, workspaceID: String) async throws -> Bool {
        try await handle.sql.raw("""
            DELETE FROM company_people WHERE company_id = \(bind: companyID) AND customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            RETURNING customer_id
            """).all().count > 0
    }

    func places(customerID: String, workspaceID: String) async throws -> [CompanyPerson] {
        try await handle.sql.raw("""
            SELECT * FROM company_people WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID) ORDER BY added_at, company_id
            """).all().map(decodePerson)
    }

    private func decode(_ row: any SQLRow) throws -> Company {
        Company(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"), domain: try row.optionalString("domain"),
            size: try row.optionalString("size").flatMap(CompanySize.init(rawValue:)), country: try row.optionalString("country"),
            industry: try row.optionalString("industry"), ownerID: try row.optionalString("owner_id"), teamID: try row.optionalString("team_id"),
            createdBy: try row.string("created_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    private func decodePerson(_ row: any SQLRow) throws -> CompanyPerson {
        CompanyPerson(
            companyID: try row.string("company_id"), customerID: try row.string("customer_id"), role: try row.optionalString("role"),
            isPrimary: try row.int("is_primary") != 0, addedAt: try row.date("added_at"))
    }
}
