/// What makes an identity unique in a workspace: its kind, its normalised value, and for
/// `external` identities the system it comes from (the same shop id in two systems is two ids).
public struct IdentityKey: Sendable, Hashable, Comparable {
    public var kind: IdentityKind
    public var namespace: String
    public var value: String

    public init(kind: IdentityKind, namespace: String, value: String) {
        self.kind = kind
        self.namespace = namespace
        self.value = value
    }

    public static func < (lhs: IdentityKey, rhs: IdentityKey) -> Bool {
        (lhs.kind, lhs.namespace, lhs.value) < (rhs.kind, rhs.namespace, rhs.value)
    }
}
