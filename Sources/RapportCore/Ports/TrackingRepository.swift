/// Stored tracking calls. Every call is scoped to one workspace.
public protocol TrackingRepository: Sendable {
    /// Those of `messageIDs` already stored.
    func storedMessageIDs(_ messageIDs: [String], workspaceID: String) async throws -> Set<String>
    func insert(_ events: [TrackedEvent]) async throws
    /// Gives the events of an anonymous visitor that belong to no customer yet to `customerID`;
    /// returns how many.
    func stitch(anonymousID: String, to customerID: String, workspaceID: String) async throws -> Int
}
