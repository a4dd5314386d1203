/// The segment a built-in journey follows (the customers at risk, birthdays today), made
/// when the journey is switched on: its name and its definition in the segment language.
public struct JourneyTemplateSegment: Sendable {
    /// Its name in the workspace.
    public let name: String
    /// Its definition in the segment language, as JSON text.
    public let definitionText: String

    public init(name: String, definitionText: String) {
        self.name = name
        self.definitionText = definitionText
    }

    /// The definition, read as JSON.
    public func definition() throws -> JSONValue {
        try JSONParser.parse(Array(definitionText.utf8))
    }
}
