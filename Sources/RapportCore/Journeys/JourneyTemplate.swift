/// A built-in journey, ready to switch on: its definition with the e-mail inbox to send
/// through left open (`{{inbox_id}}`), and, for one that follows a segment, the segment it
/// needs (`{{segment_id}}`), made when it is switched on. Its messages are in English and
/// Indonesian, editable like any draft's.
public struct JourneyTemplate: Sendable {
    public static let inboxPlaceholder = "{{inbox_id}}"
    public static let segmentPlaceholder = "{{segment_id}}"

    /// Stable: what the API lists it by.
    public let key: String
    /// Its name in the workspace.
    public let name: String
    /// What it does, in a sentence or two.
    public let summary: String
    /// The segment it follows, made when it is switched on; nil for one triggered otherwise.
    public let segment: JourneyTemplateSegment?
    /// The definition as JSON text, with the placeholders.
    public let definitionText: String

    public init(key: String, name: String, summary: String, segment: JourneyTemplateSegment? = nil, definitionText: String) {
        self.key = key
        self.name = name
        self.summary = summary
        self.segment = segment
        self.definitionText = definitionText
    }

    /// The definition with the inbox and the segment filled in, read by the parser.
    public func definition(inboxID: String, segmentID: String?) throws -> JourneyDefinition {
        try JourneyDefinitionParser.parse(try json(inboxID: inboxID, segmentID: segmentID))
    }

    /// The definition's JSON with the inbox and the segment filled in: each string that is
    /// a placeholder replaced by the id as a value (never pasted into the text).
    public func json(inboxID: String, segmentID: String?) throws -> JSONValue {
        var values = [Self.inboxPlaceholder: inboxID]
        if let segmentID { values[Self.segmentPlaceholder] = segmentID }
        return Self.filled(try JSONParser.parse(Array(definitionText.utf8)), with: values)
    }

    private static func filled(_ json: JSONValue, with values: [String: String]) -> JSONValue {
        switch json {
        case .string(let text): .string(values[text] ?? text)
        case .array(let items): .array(items.map { filled($0, with: values) })
        case .object(let object): .object(object.mapValues { filled($0, with: values) })
        case .null, .bool, .number: json
        }
    }
}
