/// What a request asks a segment or list to be; nil fields stay as they are on an update.
public struct SegmentDraft: Sendable {
    public var name: String?
    public var description: String??
    public var kind: SegmentKind?
    /// The definition as sent; checked by `SegmentDefinitionParser`.
    public var definition: JSONValue?

    public init(name: String? = nil, description: String?? = nil, kind: SegmentKind? = nil, definition: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.definition = definition
    }
}
