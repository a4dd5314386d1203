import Foundation
import RapportCore
import SQLKit

struct SQLSalesRepository: SalesRepository {
    let handle: SQLConnectionHandle

    func pipelines(workspaceID: String) async throws -> [Pipeline] {
        let rows = try await handle.sql.raw("SELECT * FROM pipelines WHERE workspace_id = \(bind: workspaceID) ORDER BY position, id").all()
        let stages = try await self.stages(pipelineIDs: try rows.map { try $0.string("id") })
        return try rows.map { try decodePipeline($0, stages: stages) }
    }

    func pipeline(id: String, workspaceID: String) async throws -> Pipeline? {
        guard let row = try await handle.sql.raw("SELECT * FROM pipelines WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first() else {
            return nil
        }
        return try decodePipeline(row, stages: try await stages(pipelineIDs: [id]))
    }

    func lockPipeline(id: String, workspaceID: String) async throws {
        let lock = handle.dialect.lockForUpdate(of: "p", in: handle)
        guard !lock.isEmpty else { return }
        _ = try await handle.sql.raw("SELECT p.id FROM pipelines p WHERE p.id = \(bind: id) AND p.workspace_id = \(bind: workspaceID)\(unsafeRaw: lock)").all()
    }

    func holdPipeline(id: String, workspaceID: String) async throws {
        guard handle.dialect.kind == .postgresql, handle.inTransaction else { return }
        _ = try await handle.sql.raw("SELECT id FROM pipelines WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) FOR SHARE").all()
    }

    func setCurrencyIfUnset(_ currency: String, pipelineID: String, workspaceID: String, at moment: Date) async throws {
        try await handle.sql.raw("""
            UPDATE pipelines SET currency = \(bind: currency), updated_at = \(bind: Timestamp.microseconds(moment))
            WHERE id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID) AND currency IS NULL
            """).run()
    }

    func dealCount(pipelineID: String, workspaceID: String) async throws -> Int {
        Int(try await handle.sql.raw("SELECT COUNT(*) AS n FROM deals WHERE pipeline_id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID)")
            .first().map { try $0.int("n") } ?? 0)
    }

    func insert(_ pipeline: Pipeline) async throws {
        try await handle.sql.raw("""
            INSERT INTO pipelines (id, workspace_id, name, currency, monthly_target, position, created_by, created_at, updated_at)
            VALUES (\(bind: pipeline.id), \(bind: pipeline.workspaceID), \(bind: pipeline.name), \(bind: pipeline.currency), \(bind: pipeline.monthlyTarget),
              \(bind: pipeline.position),
              \(bind: pipeline.createdBy), \(bind: Timestamp.microseconds(pipeline.createdAt)), \(bind: Timestamp.microseconds(pipeline.updatedAt)))
            """).run()
        try await insertStages(pipeline.stages, workspaceID: pipeline.workspaceID)
    }

    func update(_ pipeline: Pipeline) async throws {
        try await handle.sql.raw("""
            UPDATE pipelines SET name = \(bind: pipeline.name), currency = \(bind: pipeline.currency), monthly_target = \(bind: pipeline.monthlyTarget), position = \(bind: pipeline.position),
              updated_at = \(bind: Timestamp.microseconds(pipeline.updatedAt))
            WHERE id = \(bind: pipeline.id) AND workspace_id = \(bind: pipeline.workspaceID)
            """).run()
        let kept = try await stages(pipelineIDs: [pipeline.id])[pipeline.id] ?? []
        let listed = Set(pipeline.stages.map(\.id))
        let gone = kept.map(\.id).filter { !listed.contains($0) }
        if !gone.isEmpty {
            try await handle.sql.raw("DELETE FROM pipeline_stages WHERE pipeline_id = \(bind: pipeline.id) AND id IN (\(binds: gone))").run()
        }
        let keptIDs = Set(kept.map(\.id))
        for stage in pipeline.stages where keptIDs.contains(stage.id) {
            try await handle.sql.raw("""
                UPDATE pipeline_stages SET name = \(bind: stage.name), position = \(bind: stage.position), probability = \(bind: stage.probability),
                  kind = \(bind: stage.kind.rawValue), stuck_after_days = \(bind: stage.stuckAfterDays)
                WHERE id = \(bind: stage.id) AND pipeline_id = \(bind: pipeline.id)
                """).run()
        }
        try await insertStages(pipeline.stages.filter { !keptIDs.contains($0.id) }, workspaceID: pipeline.workspaceID)
    }

    func delete(pipelineID: String, workspaceID: String) async throws {
        try await handle.sql.raw("DELETE FROM pipelines WHERE id = \(bind: pipelineID) AND workspace_id = \(bind: workspaceID)").run()
    }

    private func insertStages(_ stages: [PipelineStage], workspaceID: String) async throws {
        let rows: [[SQLCell]] = stages.map { stage in
            [
                .text(stage.id), .text(workspaceID), .text(stage.pipelineID), .text(stage.name), .integer(Int64(stage.position)),
                .integer(Int64(stage.probability)), .text(stage.kind.rawValue), .integer(stage.stuckAfterDays.map(Int64.init)),
            ]
        }
        try await handle.dialect.bulkInsert(
            table: "pipeline_stages", columns: ["id", "workspace_id", "pipeline_id", "name", "position", "probability", "kind", "stuck_after_days"], rows: rows,
            on: handle)
    }

    private func stages(pipelineIDs: [String]) async throws -> [String: [PipelineStage]] {
        guard !pipelineIDs.isEmpty else { return [:] }
        let rows = try await handle.sql.raw("""
            SELECT * FROM pipeline_stages WHERE pipeline_id IN (\(binds: pipelineIDs)) ORDER BY pipeline_id, position
            """).all()
        var stages: [String: [PipelineStage]] = [:]
        for row in rows {
            // A stage of a kind this build does not know (a newer one wrote it) is left out.
            guard let kind = PipelineStageKind(rawValue: try row.string("kind")) else { continue }
            let stage = PipelineStage(
                id: try row.string("id"), pipelineID: try row.string("pipeline_id"), name: try row.string("name"), position: Int(try row.int("position")),
                probability: Int(try row.int("probability")), kind: kind, stuckAfterDays: try row.optionalInt("stuck_after_days").map(Int.init))
            stages[stage.pipelineID, default: []].append(stage)
        }
        return stages
    }

    private func decodePipeline(_ row: any SQLRow, stages: [String: [PipelineStage]]) throws -> Pipeline {
        let id = try row.string("id")
        return Pipeline(
            id: id, workspaceID: try row.string("workspace_id"), name: try row.string("name"), currency: try row.optionalString("currency"),
            monthlyTarget: try row.optionalInt("monthly_target"), position: Int(try row.int("position")), stages: stages[id] ?? [], createdBy: try row.string("created_by"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
