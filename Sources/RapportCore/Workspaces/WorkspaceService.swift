import Foundation

/// Workspaces, and the first-start set-up: a default workspace and its first admin key.
public struct WorkspaceService: Sendable {
    public static let defaultName = "Default workspace"

    private let store: any DataStore
    private let keys: APIKeyService
    private let clock: any WallClock

    public init(store: any DataStore, keys: APIKeyService, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.keys = keys
        self.clock = clock
    }

    public func create(name: String) async throws -> Workspace {
        let now = clock.now()
        let workspace = Workspace(id: ResourceID.make(.workspace, at: now), name: name, createdAt: now)
        try await store.write { session in try await session.workspaces.insert(workspace) }
        return workspace
    }

    /// The workspace single-store users work in: the oldest one.
    public func defaultWorkspace() async throws -> Workspace? {
        try await store.read { session in try await session.workspaces.all().first }
    }

    /// On a database with no workspace yet, creates the default one and an admin key, and
    /// returns that key (its secret is shown once). Returns nil on later starts.
    public func bootstrapIfEmpty() async throws -> IssuedAPIKey? {
        guard try await defaultWorkspace() == nil else { return nil }
        let workspace = try await create(name: Self.defaultName)
        return try await keys.create(name: "admin", as: .operator(workspaceID: workspace.id))
    }
}
