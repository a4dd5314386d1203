/// Who is asking: a signed-in user, or an API key (an integration, which acts with an
/// admin's rights). Core services decide with it what may be seen and changed, so the rules
/// hold for the web workspace and the API alike.
public struct Actor: Sendable, Equatable {
    public var workspaceID: String
    public var role: UserRole
    /// The signed-in user; nil for an API key or the command line.
    public var userID: String?
    /// The teams the user belongs to; an agent sees the conversations of their inboxes.
    public var teamIDs: Set<String>
    /// Recorded as the author of changes: `user:usr_…`, `api_key:key_…` or `operator`.
    public var label: String

    public init(workspaceID: String, role: UserRole, userID: String?, teamIDs: Set<String>, label: String) {
        self.workspaceID = workspaceID
        self.role = role
        self.userID = userID
        self.teamIDs = teamIDs
        self.label = label
    }

    /// A signed-in person.
    public static func user(_ user: User, teamIDs: Set<String>) -> Actor {
        Actor(workspaceID: user.workspaceID, role: user.role, userID: user.id, teamIDs: teamIDs, label: "user:\(user.id)")
    }

    /// An integration holding a secret API key.
    public static func apiKey(_ key: APIKey) -> Actor {
        Actor(workspaceID: key.workspaceID, role: .admin, userID: nil, teamIDs: [], label: "api_key:\(key.id)")
    }

    /// Whoever runs the command line on the server (the demo, `rapport inboxes add`, …).
    public static func `operator`(workspaceID: String) -> Actor {
        Actor(workspaceID: workspaceID, role: .admin, userID: nil, teamIDs: [], label: "operator")
    }

    /// Rapport itself acting for a workspace (the demo, an import, a benchmark): recorded as
    /// `system:NAME`, with an admin's rights.
    public static func system(_ name: String, workspaceID: String) -> Actor {
        Actor(workspaceID: workspaceID, role: .admin, userID: nil, teamIDs: [], label: "system:\(name)")
    }

    public func may(_ permission: Permission) -> Bool {
        permission.roles.contains(role)
    }

    /// Throws `forbidden` with the permission's reason when the role lacks it.
    public func require(_ permission: Permission) throws {
        guard may(permission) else { throw RapportError.forbidden(permission.refusal(for: role)) }
    }

    /// Whether the actor may see conversations of this inbox: agents only their teams' inboxes.
    public func maySee(_ inbox: Inbox) -> Bool {
        guard may(.readConversations), inbox.workspaceID == workspaceID else { return false }
        guard role == .agent else { return true }
        return inbox.teamID.map(teamIDs.contains) ?? false
    }
}
