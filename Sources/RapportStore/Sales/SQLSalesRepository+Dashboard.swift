import Foundation
import RapportCore
import SQLKit

/// The sales dashboard's reads: a pipeline's closed deals and stage moves in a window (each by
/// its index on `(pipeline_id, time)`), and its open deals expected to close by a day.
extension SQLSalesRepository {
    func outcomes(pipelineID: String, workspaceID: String, since: Date, until: Date, limit: Int) async throws -> [DealOutcome] {
        try await handle.sql.raw("""
            SELECT id, status, amount, currency, owner_id, created_at, closed_at FROM deals
            WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID)
              AND closed_at >= \(bind: Timestamp.microseconds(since)) AND closed_at <= \(bind: Timestamp.microseconds(until))
              AND status <> \(bind: PipelineStageKind.open.rawValue)
            ORDER BY closed_at DESC, id DESC LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap { row in
            guard let status = PipelineStageKind(rawValue: try row.string("status")) else { return nil }
            return DealOutcome(
                dealID: try row.string("id"), status: status, amount: try row.int("amount"), currency: try row.string("currency"),
                ownerID: try row.optionalString("owner_id"), createdAt: try row.date("created_at"), closedAt: try row.date("closed_at"))
        }
    }

    func moves(pipelineID: String, workspaceID: String, since: Date, until: Date, limit: Int) async throws -> [DealStageMove] {
        try await handle.sql.raw("""
            SELECT * FROM deal_stage_moves WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID)
              AND moved_at >= \(bind: Timestamp.microseconds(since)) AND moved_at <= \(bind: Timestamp.microseconds(until))
            ORDER BY moved_at, id LIMIT \(unsafeRaw: String(limit))
            """).all().map(decodeMove)
    }

    func openTotals(pipelineID: String, workspaceID: String, closingBy day: String) async throws -> [PipelineStageTotal] {
        try await handle.sql.raw("""
            SELECT stage_id, currency, workspace_id, pipeline_id, COUNT(*) AS deals, CAST(SUM(amount) AS BIGINT) AS amount FROM deals
            WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID) AND status = \(bind: PipelineStageKind.open.rawValue)
              AND expected_close_on IS NOT NULL AND expected_close_on <= \(bind: day)
            GROUP BY stage_id, currency, workspace_id, pipeline_id ORDER BY stage_id, currency
            """).all().map(decodeTotal)
    }
}
