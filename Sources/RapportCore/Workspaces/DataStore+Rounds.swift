extension DataStore {
    /// A scheduled round over every workspace, one after another: the sum of what each turn
    /// reports (customers scored, models trained).
    func total(overWorkspaces turn: (String) async throws -> Int) async throws -> Int {
        var total = 0
        for workspace in try await read({ session in try await session.workspaces.all() }) {
            total += try await turn(workspace.id)
        }
        return total
    }
}
