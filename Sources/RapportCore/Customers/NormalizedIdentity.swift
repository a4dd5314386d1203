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

    /// The identity as an input again (normalising it a second time changes nothing).
    public var input: IdentityInput {
        IdentityInput(kind: kind.rawValue, value: value, source: source)
    }

    public var key: IdentityKey {
        IdentityKey(kind: kind, namespace: kind == .external ? (source ?? "") : "", value: value)
    }
}
