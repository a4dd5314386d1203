import Foundation

/// Fills `{{name}}` placeholders (spaces inside the braces allowed) from a table of values.
/// An unknown or empty variable becomes its fallback when one is given
/// (`{{customer.first_name | default: "there"}}`, quotes optional), else empty text, as in the
/// mail clients agents know, so a missing first name never leaves braces in front of a customer.
public enum MessageTemplate {
    public static func render(_ template: String, values: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let inside = afterOpen[..<close.lowerBound]
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            if let value = values[name], !value.isEmpty {
                output += value
            } else if parts.count == 2 {
                output += fallback(parts[1])
            }
            rest = afterOpen[close.upperBound...]
        }
        return output + rest
    }

    /// `default: "text"` (or `default: text`, or just the text) as the text.
    private static func fallback(_ clause: Substring) -> String {
        var text = clause.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("default:") { text = text.dropFirst("default:".count).trimmingCharacters(in: .whitespaces) }
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The variables a conversation offers: its customer, the order in question (given, or
    /// the customer's latest) and the agent writing.
    public static func values(customer: Customer?, order: Order?, agent: User?) -> [String: String] {
        var values: [String: String] = [:]
        if let profile = customer?.profile {
            values["customer.first_name"] = profile.firstName
            values["customer.last_name"] = profile.lastName
            values["customer.name"] = [profile.firstName, profile.lastName].compactMap { $0 }.joined(separator: " ")
        }
        if let email = customer?.identities.first(where: { $0.kind == .email })?.value { values["customer.email"] = email }
        if let order {
            values["order.number"] = order.number
            values["order.status"] = order.status.rawValue
            values["order.total"] = MoneyText.format(order.totals.total, order.currency)
            let shipment = order.fulfillments.last
            values["order.tracking_url"] = shipment?.trackingURL
            values["order.tracking_number"] = shipment?.trackingNumber
            values["order.carrier"] = shipment?.carrier
        }
        if let agent { values["agent.name"] = agent.name }
        return values
    }
}
