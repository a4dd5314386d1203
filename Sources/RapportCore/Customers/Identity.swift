import Foundation

/// One stored identity of a customer, already normalised.
public struct Identity: Sendable, Equatable, Codable {
    public var id: String
    public var kind: IdentityKind
    public var value: String
    /// Where the identity came from (`shopify`, `whatsapp`, …); for `external`, the system the id belongs to.
    public var source: String?
    public var createdAt: Date

    public init(id: String, kind: IdentityKind, value: String, source: String?, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.value = value
        self.source = source
        self.createdAt = createdAt
    }

    public var key: IdentityKey {
        IdentityKey(kind: kind, namespace: kind == .external ? (source ?? "") : "", value: value)
    }
}
