import Foundation

/// A connected shop: where its webhooks come from and the secret they are signed with.
/// The secret is kept as given, not hashed: checking an HMAC signature needs the key itself.
public struct ShopSource: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var kind: SourceKind
    public var name: String
    public var secret: String
    public var createdAt: Date

    public init(id: String, workspaceID: String, kind: SourceKind, name: String, secret: String, createdAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.kind = kind
        self.name = name
        self.secret = secret
        self.createdAt = createdAt
    }

    /// The path the shop is told to send its webhooks to.
}
