/// Stored tracking calls. Every call is scoped to one workspace.
public protocol TrackingRepository: Sendable {
    /// Those of `messageIDs` already stored.
    func storedMessageIDs(_ messageIDs: [String], workspaceID: String) async throws -> Set<String>
    func insert(_ events: [TrackedEvent]) async throws
    /// Gives the events of each anonymous visitor (key) that belong to no customer yet to the
    /// customer (value); returns how many events moved.
    func stitch(_ customers: [String: String], workspaceID: String) async throws -> Int
}
