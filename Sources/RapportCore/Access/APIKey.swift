import Foundation

/// A stored API key. The secret itself is never stored, only its hash; `displayPrefix` lets a
/// person recognise the key in a list.
public struct APIKey: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var kind: APIKeyKind
    public var displayPrefix: String
    public var secretHash: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(
        id: String, workspaceID: String, name: String, kind: APIKeyKind = .secret, displayPrefix: String,
        secretHash: String, createdAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.kind = kind
        self.displayPrefix = displayPrefix
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
