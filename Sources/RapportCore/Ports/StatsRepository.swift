public protocol StatsRepository: Sendable {
    /// Live customers and the rows of each other kind in the workspace.
    func counts(workspaceID: String) async throws -> StoreCounts
}
