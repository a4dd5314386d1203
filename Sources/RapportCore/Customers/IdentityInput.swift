/// An identity as a caller names it, before normalisation.
public struct IdentityInput: Sendable, Equatable, Codable {
    public var kind: String
    public var value: String
    public var source: String?

    public init(kind: String, value: String, source: String? = nil) {
        self.kind = kind
        self.value = value
        self.source = source
    }

    /// An identity of a kind Rapport knows (imports, channels, the demo): the kind cannot be misspelt.
    public init(_ kind: IdentityKind, value: String, source: String? = nil) {
        self.init(kind: kind.rawValue, value: value, source: source)
    }
}
