import Foundation

public protocol APIKeyRepository: Sendable {
    func insert(_ key: APIKey) async throws
    func all() async throws -> [APIKey]
    func all(workspaceID: String) async throws -> [APIKey]
    func find(secretHash: String) async throws -> APIKey?
    /// Sets `revokedAt` if not yet set; false when no key has that id.
    func revoke(id: String, at date: Date) async throws -> Bool
}
