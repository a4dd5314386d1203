/// Who of a workspace's team an alert reaches: the record's owner while they are active, else
/// the active members of its team; no one when neither stands (an unheld record alerts no one),
/// unless the alert escalates to the active admins and managers (a complaint nobody holds).
struct AlertRecipients {
    let activeUserIDs: Set<String>
    let teamMembers: [String: [String]]
    let managerIDs: [String]

    static func load(workspaceID: String, session: any StoreSession) async throws -> AlertRecipients {
        let users = try await session.inboxes.agents(workspaceID: workspaceID)
        let teams = try await session.inboxes.teams(workspaceID: workspaceID)
        return AlertRecipients(
            activeUserIDs: Set(users.filter { $0.deactivatedAt == nil }.map(\.id)),
            teamMembers: Dictionary(teams.map { ($0.id, $0.memberIDs) }, uniquingKeysWith: { first, _ in first }),
            managerIDs: users.filter { $0.deactivatedAt == nil && ($0.role == .admin || $0.role == .manager) }.map(\.id).sorted())
    }

    func users(ownerID: String?, teamID: String?) -> [String] {
        if let ownerID, activeUserIDs.contains(ownerID) { return [ownerID] }
        guard let teamID else { return [] }
        return (teamMembers[teamID] ?? []).filter { activeUserIDs.contains($0) }.sorted()
    }

    /// The active ones among `userIDs`, each once, in order.
    func active(_ userIDs: [String]) -> [String] {
        var seen = Set<String>()
        return userIDs.filter { activeUserIDs.contains($0) && seen.insert($0).inserted }
    }
}
