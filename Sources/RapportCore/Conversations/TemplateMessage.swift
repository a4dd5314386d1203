/// A pre-approved WhatsApp message template: its name, language and body parameters. The only
/// kind of message WhatsApp lets a business start outside the 24-hour window.
public struct TemplateMessage: Sendable, Equatable {
    public var name: String
    public var language: String
    public var parameters: [String]

    public init(name: String, language: String, parameters: [String]) {
        self.name = name
        self.language = language
        self.parameters = parameters
    }

    var content: JSONValue {
        .object([
            "template": .object([
                "name": .string(name), "language": .string(language), "parameters": .array(parameters.map(JSONValue.string)),
            ])
        ])
    }

    /// Reads the template back from a message's content.
    public init?(content: JSONValue?) {
        guard case .object(let outer)? = content, case .object(let fields)? = outer["template"],
            case .string(let name)? = fields["name"], case .string(let language)? = fields["language"]
        else { return nil }
        var parameters: [String] = []
        if case .array(let items)? = fields["parameters"] {
            parameters = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        self.init(name: name, language: language, parameters: parameters)
    }
}
