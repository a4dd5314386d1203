/// What a journey is created or changed with: any part left nil stays as it is.
public struct JourneyDraft: Sendable {
    public var name: String?
    public var definition: JSONValue?

    public init(name: String? = nil, definition: JSONValue? = nil) {
        self.name = name
        self.definition = definition
    }
}
