import RapportCore
import SQLKit

struct SQLWorkspaceRepository: WorkspaceRepository {
    let handle: SQLConnectionHandle

    func insert(_ workspace: Workspace) async throws {
        try await handle.sql.raw("""
            INSERT INTO workspaces (id, name, created_at)
            VALUES (\(bind: workspace.id), \(bind: workspace.name), \(bind: Timestamp.microseconds(workspace.createdAt)))
            """).run()
    }

    func all() async throws -> [Workspace] {
        try await handle.sql.raw("SELECT * FROM workspaces ORDER BY id").all().map(decode)
    }

    func find(id: String) async throws -> Workspace? {
        try await handle.sql.raw("SELECT * FROM workspaces WHERE id = \(bind: id)").first().map(decode)
    }

    private func decode(_ row: any SQLRow) throws -> Workspace {
        Workspace(id: try row.string("id"), name: try row.string("name"), createdAt: try row.date("created_at"))
    }
}
