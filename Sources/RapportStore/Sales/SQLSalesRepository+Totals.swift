import Foundation
import RapportCore
import SQLKit

extension SQLSalesRepository {
    func moveTotals(_ changes: [PipelineStageTotal]) async throws {
        var sums: [String: PipelineStageTotal] = [:]
        for change in changes {
            let key = change.stageID + "\u{1F}" + change.currency
            if var sum = sums[key] {
                sum.deals += change.deals
                sum.amount += change.amount
                sums[key] = sum
            } else {
                sums[key] = change
            }
        }
        // In a fixed order, so two writers lock the rows in the same order; rows that cancel out
        // are not written.
        let rows: [[SQLCell]] = sums.keys.sorted().compactMap { key in
            let sum = sums[key]!
            guard sum.deals != 0 || sum.amount != 0 else { return nil }
            return [.text(sum.stageID), .text(sum.currency), .text(sum.workspaceID), .text(sum.pipelineID), .integer(sum.deals), .integer(sum.amount)]
        }
        _ = try await handle.dialect.insert(
            table: "pipeline_stage_totals", columns: ["stage_id", "currency", "workspace_id", "pipeline_id", "deals", "amount"], rows: rows,
            suffix: """
                ON CONFLICT (stage_id, currency) DO UPDATE SET deals = pipeline_stage_totals.deals + excluded.deals,
                  amount = pipeline_stage_totals.amount + excluded.amount, pipeline_id = excluded.pipeline_id
                """,
            returned: nil, on: handle)
    }

    func totals(pipelineID: String, workspaceID: String) async throws -> [PipelineStageTotal] {
        try await handle.sql.raw("""
            SELECT * FROM pipeline_stage_totals WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID) ORDER BY stage_id, currency
            """).all().map(decodeTotal)
    }

    func computedTotals(pipelineID: String, workspaceID: String) async throws -> [PipelineStageTotal] {
        try await handle.sql.raw("""
            SELECT stage_id, currency, workspace_id, pipeline_id, COUNT(*) AS deals, CAST(SUM(amount) AS BIGINT) AS amount FROM deals
            WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID)
            GROUP BY stage_id, currency, workspace_id, pipeline_id ORDER BY stage_id, currency
            """).all().map(decodeTotal)
    }

    func rebuildTotals(workspaceID: String) async throws -> Int {
        try await handle.sql.raw("DELETE FROM pipeline_stage_totals WHERE workspace_id = \(bind: workspaceID)").run()
        return try await handle.sql.raw("""
            INSERT INTO pipeline_stage_totals (stage_id, currency, workspace_id, pipeline_id, deals, amount)
            SELECT stage_id, currency, workspace_id, pipeline_id, COUNT(*), CAST(SUM(amount) AS BIGINT) FROM deals WHERE workspace_id = \(bind: workspaceID)
            GROUP BY stage_id, currency, workspace_id, pipeline_id
            RETURNING stage_id
            """).all().count
    }

    func decodeTotal(_ row: any SQLRow) throws -> PipelineStageTotal {
        PipelineStageTotal(
            workspaceID: try row.string("workspace_id"), pipelineID: try row.string("pipeline_id"), stageID: try row.string("stage_id"),
            currency: try row.string("currency"), deals: try row.int("deals"), amount: try row.int("amount"))
    }
}
