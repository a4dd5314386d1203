/// What Meta allows of a template message, and the template as a campaign's content writes it.
/// A WhatsApp campaign's message is such a template: each parameter may use the campaign's
/// variables (`{{customer.first_name | default: "there"}}`), filled in per recipient as text.
extension TemplateMessage {
    /// Meta's limits: template names are at most 512 characters, a body parameter's text at
    /// most 1,024, and a template takes at most 100 body parameters.
    public static let maximumNameLength = 512
    public static let maximumParameterLength = 1_024
    public static let maximumParameters = 100

    /// The template as a campaign's content reads and writes it:
    /// `{"name": …, "language": …, "parameters": [texts]}`.
    public var json: JSONValue {
        .object(["name": .string(name), "language": .string(language), "parameters": .array(parameters.map(JSONValue.string))])
    }

    /// Whether a name has the shape Meta gives template names (small letters, digits, `_`).
    public static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maximumNameLength
            && text.utf8.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
            }
    }

    /// Whether a language code has Meta's shape: a language (`en`, `fil`), optionally with a
    /// region after an underscore (`en_US`, `pt_BR`).
    public static func isLanguage(_ text: String) -> Bool {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].utf8.count),
            parts[0].utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return false }
        return parts.count == 1 || (parts[1].utf8.count == 2 && parts[1].utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    }
}
