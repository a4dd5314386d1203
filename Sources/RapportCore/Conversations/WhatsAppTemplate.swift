import Foundation

/// One message template of a WhatsApp Business Account, as Meta lists it
/// (`GET /{waba_id}/message_templates`): what a WhatsApp campaign names in its content, and what
/// `problem(with:among:)` checks that content against before anything is sent.
///
/// The body's placeholders are its parameters: positional ones (`{{1}}`, `{{2}}`) unless the
/// template's parameter format is `NAMED` (`{{first_name}}`). A send fills them in order.
public struct WhatsAppTemplate: Sendable, Equatable {
    public let name: String
    /// Meta's language code (`en_US`, `id`, `pt_BR`).
    public let language: String
    /// `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED`, … (upper case, as Meta writes it).
    public let status: String
    /// `MARKETING`, `UTILITY` or `AUTHENTICATION`.
    public let category: String
    /// The BODY component's text, placeholders included; empty when the template has none.
    public let body: String
    /// The body's parameters in the order they first appear: `1`, `2`, … or the names of a
    /// template with named parameters.
    public let parameters: [String]
    /// Whether its parameters are named (`{{first_name}}`) rather than numbered.
    public let namedParameters: Bool
    /// The HEADER component's format: `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT` or `LOCATION`; nil
    /// without a header.
    public let headerFormat: String?
    /// The header's text, when it is a text header.
    public let header: String?
    /// The FOOTER component's text.
    public let footer: String?
    /// The texts of its buttons that take a value at send time (a link ending in a variable, a
    /// code to copy).
    public let variableButtons: [String]

    /// The template as listed; `parameterFormat` is Meta's `parameter_format` (`POSITIONAL` when
    /// absent, unless the body has only named placeholders).
    public init(
        name: String, language: String, status: String, category: String, body: String, parameterFormat: String? = nil,
        headerFormat: String? = nil, header: String? = nil, footer: String? = nil, variableButtons: [String] = []
    ) {
        self.name = name
        self.language = language
        self.status = status.uppercased()
        self.category = category.uppercased()
        self.body = body
        let numbered = Self.placeholders(in: body, named: false)
        let named = Self.placeholders(in: body, named: true)
        self.namedParameters = switch parameterFormat?.uppercased() {
        case "NAMED"?: true
        case "POSITIONAL"?: false
        default: numbered.isEmpty && !named.isEmpty
        }
        self.parameters = namedParameters ? named : numbered
        self.headerFormat = headerFormat?.uppercased()
        self.header = header
        self.footer = footer
        self.variableButtons = variableButtons
    }

    /// How many parameters a send of it must give for its body.
    public var parameterCount: Int { parameters.count }

    /// What a send of it would need besides the body's parameters: a media or location header,
    /// a variable in a text header, a button's value. Campaigns give only body parameters, so a
    /// template needing any of these cannot be a campaign's.
    public var partsCampaignsCannotFill: [String] {
        var parts: [String] = []
        if let headerFormat, headerFormat != "TEXT" { parts.append("a \(headerFormat.lowercased()) header") }
        if let header, !Self.placeholders(in: header, named: false).isEmpty || !Self.placeholders(in: header, named: true).isEmpty {
            parts.append("a variable in its header")
        }
        parts += variableButtons.map { "the value of its button “\($0)”" }
        return parts
    }

    /// The distinct placeholders of `text` in the order they first appear: the numbers of
    /// `{{1}}`, `{{2}}`, … or, when `named`, the names of `{{first_name}}` (a small letter,
    /// then small letters, digits and `_`, as Meta allows them).
    public static func placeholders(in text: String, named: Bool) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let inside = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if Self.isPlaceholder(inside, named: named), !found.contains(inside) { found.append(inside) }
            rest = after[close.upperBound...]
        }
        return found
    }

    private static func isPlaceholder(_ inside: String, named: Bool) -> Bool {
        guard let first = inside.unicodeScalars.first else { return false }
        let isDigit: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        let isSmallLetter: (Unicode.Scalar) -> Bool = { $0 >= "a" && $0 <= "z" }
        if !named { return inside.unicodeScalars.allSatisfy(isDigit) }
        return isSmallLetter(first) && inside.unicodeScalars.allSatisfy { isSmallLetter($0) || isDigit($0) || $0 == "_" }
    }
}
