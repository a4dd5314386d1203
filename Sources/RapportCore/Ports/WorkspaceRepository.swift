public protocol WorkspaceRepository: Sendable {
    func insert(_ workspace: Workspace) async throws
    func all() async throws -> [Workspace]
    func find(id: String) async throws -> Workspace?
}
