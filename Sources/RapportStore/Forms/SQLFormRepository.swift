import Foundation
import RapportCore
import SQLKit

struct SQLFormRepository: FormRepository {
    let handle: SQLConnectionHandle

    func insert(_ form: Form) async throws {
        try await handle.sql.raw("""
            INSERT INTO forms (id, workspace_id, name, kind, status, definition, created_at, updated_at)
            VALUES (\(bind: form.id), \(bind: form.workspaceID), \(bind: form.name), \(bind: form.kind.rawValue), \(bind: form.status.rawValue),
              \(bind: try PlainJSON.encode(form.definition)), \(bind: Timestamp.microseconds(form.createdAt)), \(bind: Timestamp.microseconds(form.updatedAt)))
            """).run()
    }

    func update(_ form: Form, expectedUpdatedAt: Date) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            UPDATE forms SET name = \(bind: form.name), kind = \(bind: form.kind.rawValue), status = \(bind: form.status.rawValue),
              definition = \(bind: try PlainJSON.encode(form.definition)), updated_at = \(bind: Timestamp.microseconds(form.updatedAt))
            WHERE id = \(bind: form.id) AND workspace_id = \(bind: form.workspaceID)
              AND updated_at = \(bind: Timestamp.microseconds(expectedUpdatedAt))
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    func find(id: String, workspaceID: String) async throws -> Form? {
        try await handle.sql.raw("SELECT * FROM forms WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().flatMap(Self.form)
    }

    func list(workspaceID: String, page: PageRequest) async throws -> Page<Form> {
        var query: SQLQueryString = "SELECT * FROM forms WHERE workspace_id = \(bind: workspaceID)"
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(Self.form), hasMore: rows.count > page.limit)
    }

    func delete(id: String, workspaceID: String) async throws -> Int? {
        let answers = try await handle.sql.raw("""
            DELETE FROM form_responses WHERE form_id = \(bind: id) AND workspace_id = \(bind: workspaceID) RETURNING id
            """).all().count
        let forms = try await handle.sql.raw("DELETE FROM forms WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) RETURNING id").all()
        return forms.isEmpty ? nil : answers
    }

    func insertResponse(_ response: FormResponse) async throws {
        try await handle.sql.raw("""
            INSERT INTO form_responses (id, workspace_id, form_id, submission_id, customer_id, anonymous_id, email, answers, result_key, sign_up_id,
              origin, ip_address, user_agent, created_at)
            VALUES (\(bind: response.id), \(bind: response.workspaceID), \(bind: response.formID), \(bind: response.submissionID),
              \(bind: response.customerID), \(bind: response.anonymousID), \(bind: response.email), \(bind: try PlainJSON.encode(response.answers)), \(bind: response.resultKey),
              \(bind: response.signUpID), \(bind: response.origin), \(bind: response.ipAddress), \(bind: response.userAgent),
              \(bind: Timestamp.microseconds(response.createdAt)))
            """).run()
    }

    func response(submissionID: String, formID: String, workspaceID: String) async throws -> FormResponse? {
        try await handle.sql.raw("""
            SELECT * FROM form_responses WHERE form_id = \(bind: formID) AND submission_id = \(bind: submissionID) AND workspace_id = \(bind: workspaceID)
            """).first().map(Self.response)
    }

    func responses(formID: String, workspaceID: String, page: PageRequest) async throws -> Page<FormResponse> {
        var query: SQLQueryString = "SELECT * FROM form_responses WHERE form_id = \(bind: formID) AND workspace_id = \(bind: workspaceID)"
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).map(Self.response), hasMore: rows.count > page.limit)
    }

    func responseCounts(formIDs: [String], workspaceID: String) async throws -> [String: Int] {
        guard !formIDs.isEmpty else { return [:] }
        let rows = try await handle.sql.raw("""
            SELECT form_id, COUNT(*) AS n FROM form_responses WHERE workspace_id = \(bind: workspaceID) AND form_id IN (\(binds: formIDs))
            GROUP BY form_id
            """).all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.string("form_id")] = Int(try row.int("n")) }
        return counts
    }

    /// A row as a form; nil for a kind or status this version does not know.
    private static func form(_ row: any SQLRow) throws -> Form? {
        guard let kind = FormKind(rawValue: try row.string("kind")), let status = FormStatus(rawValue: try row.string("status")) else { return nil }
        return Form(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"), kind: kind, status: status,
            definition: try PlainJSON.decode(FormDefinition.self, from: try row.string("definition")), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    private static func response(_ row: any SQLRow) throws -> FormResponse {
        FormResponse(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), formID: try row.string("form_id"),
            submissionID: try row.string("submission_id"), customerID: try row.optionalString("customer_id"),
            anonymousID: try row.optionalString("anonymous_id"), email: try row.optionalString("email"), answers: try PlainJSON.decode([String: JSONValue].self, from: try row.string("answers")),
            resultKey: try row.optionalString("result_key"), signUpID: try row.optionalString("sign_up_id"), origin: try row.optionalString("origin"),
            ipAddress: try row.optionalString("ip_address"), userAgent: try row.optionalString("user_agent"), createdAt: try row.date("created_at"))
    }
}
