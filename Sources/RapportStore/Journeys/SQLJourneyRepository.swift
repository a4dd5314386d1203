import Foundation
import RapportCore
import SQLKit

struct SQLJourneyRepository: JourneyRepository {
    let handle: SQLConnectionHandle

    func insert(_ journey: Journey) async throws {
        try await handle.sql.raw("""
            INSERT INTO journeys (id, workspace_id, name, status, draft, live_version, template_key, created_by, created_at, updated_at, published_at)
            VALUES (\(bind: journey.id), \(bind: journey.workspaceID), \(bind: journey.name), \(bind: journey.status.rawValue), \(bind: journey.draft.jsonText),
              \(bind: journey.liveVersion), \(bind: journey.templateKey), \(bind: journey.createdBy), \(bind: Timestamp.microseconds(journey.createdAt)),
              \(bind: Timestamp.microseconds(journey.updatedAt)), \(bind: journey.publishedAt.map(Timestamp.microseconds)))
            """).run()
    }

    func update(_ journey: Journey) async throws {
        try await handle.sql.raw("""
            UPDATE journeys SET name = \(bind: journey.name), status = \(bind: journey.status.rawValue), draft = \(bind: journey.draft.jsonText),
              live_version = \(bind: journey.liveVersion), updated_at = \(bind: Timestamp.microseconds(journey.updatedAt)),
              published_at = \(bind: journey.publishedAt.map(Timestamp.microseconds))
            WHERE id = \(bind: journey.id) AND workspace_id = \(bind: journey.workspaceID)
            """).run()
    }

    func setStatus(_ status: JourneyStatus, id: String, workspaceID: String, from: JourneyStatus, at date: Date) async throws -> Bool {
        try await handle.sql.raw("""
            UPDATE journeys SET status = \(bind: status.rawValue), updated_at = \(bind: Timestamp.microseconds(date))
            WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) AND status = \(bind: from.rawValue) RETURNING id
            """).first() != nil
    }

    func find(id: String, workspaceID: String) async throws -> Journey? {
        try await handle.sql.raw("SELECT * FROM journeys WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().flatMap(decode)
    }

    func list(workspaceID: String, status: JourneyStatus?, page: PageRequest) async throws -> Page<Journey> {
        var query: SQLQueryString = "SELECT * FROM journeys WHERE workspace_id = \(bind: workspaceID)"
        if let status { query += " AND status = \(bind: status.rawValue)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func delete(id: String, workspaceID: String) async throws {
        try await handle.sql.raw("DELETE FROM journeys WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").run()
    }

    func insertVersion(_ version: JourneyVersion) async throws {
        try await handle.sql.raw("""
            INSERT INTO journey_versions (journey_id, version, workspace_id, definition, published_by, published_at)
            VALUES (\(bind: version.journeyID), \(bind: version.version), \(bind: version.workspaceID), \(bind: version.json.jsonText),
              \(bind: version.publishedBy), \(bind: Timestamp.microseconds(version.publishedAt)))
            """).run()
    }

    func version(journeyID: String, version: Int) async throws -> JourneyVersion? {
        try await handle.sql.raw("SELECT * FROM journey_versions WHERE journey_id = \(bind: journeyID) AND version = \(bind: version)")
            .first().flatMap(decodeVersion)
    }

    func running(workspaceID: String) async throws -> [(journey: Journey, versions: [JourneyVersion])] {
        let statuses = [JourneyStatus.live.rawValue, JourneyStatus.paused.rawValue]
        let journeys = try await handle.sql.raw("SELECT * FROM journeys WHERE workspace_id = \(bind: workspaceID) AND status IN (\(binds: statuses))")
            .all().compactMap(decode)
        guard !journeys.isEmpty else { return [] }
        let versions = try await handle.sql.raw("SELECT * FROM journey_versions WHERE journey_id IN (\(binds: journeys.map(\.id)))").all()
            .compactMap(decodeVersion)
        let byJourney = Dictionary(grouping: versions, by: \.journeyID)
        return journeys.map { ($0, byJourney[$0.id] ?? []) }
    }

    func liveJourneyIDs() async throws -> [String] {
        try await handle.sql.raw("SELECT id FROM journeys WHERE status = \(bind: JourneyStatus.live.rawValue) ORDER BY id").all().map { try $0.string("id") }
    }

    func revision(workspaceID: String) async throws -> Int64 {
        try await handle.sql.raw("SELECT journeys_revision FROM workspaces WHERE id = \(bind: workspaceID)").first().map { try $0.int("journeys_revision") } ?? 0
    }

    /// Random, never counted: a revision written by a transaction that rolled back must not come again (as segments' do).
    func moveRevision(workspaceID: String) async throws {
        try await handle.sql.raw("UPDATE workspaces SET journeys_revision = \(bind: Int64.random(in: 1...Int64.max)) WHERE id = \(bind: workspaceID)").run()
    }

    // MARK: Decoding

    func decode(_ row: any SQLRow) throws -> Journey? {
        guard let status = JourneyStatus(rawValue: try row.string("status")), let draft = try? JSONParser.parse(Array(try row.string("draft").utf8))
        else { return nil }
        return Journey(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"), status: status, draft: draft,
            liveVersion: try row.decode(column: "live_version", as: Int64?.self).map { Int($0) }, templateKey: try row.optionalString("template_key"),
            createdBy: try row.string("created_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            publishedAt: try row.optionalDate("published_at"))
    }

    /// A version this build cannot read (a newer one wrote it) is left out, not fatal to the rest.
    func decodeVersion(_ row: any SQLRow) throws -> JourneyVersion? {
        guard let json = try? JSONParser.parse(Array(try row.string("definition").utf8)),
            let definition = try? JourneyDefinitionParser.parse(json, checkingContent: false)
        else { return nil }
        return JourneyVersion(
            journeyID: try row.string("journey_id"), workspaceID: try row.string("workspace_id"), version: Int(try row.int("version")), json: json,
            definition: definition, publishedBy: try row.string("published_by"), publishedAt: try row.date("published_at"))
    }
}
