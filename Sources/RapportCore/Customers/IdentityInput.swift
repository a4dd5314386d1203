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
}
