/// An identity after normalisation: the form that is stored and matched.
public struct NormalizedIdentity: Sendable, Hashable {
    public var kind: IdentityKind
    public var value: String
    public var source: String?

    public init(kind: IdentityKind, value: String, source: String?) {
        self.kind = kind
        self.value = value
        self.source = source
    }

    public var key: IdentityKey {
        IdentityKey(kind: kind, namespace: kind == .external ? (source ?? "") : "", value: value)
    }
}
