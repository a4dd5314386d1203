import Foundation

extension MessageTemplate {
    /// The names of the variables a template uses, in order, read as `render` reads them:
    /// `{{customer.first_name | default: "there"}}` names `customer.first_name`.
    public static func variableNames(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let inside = rest[open.upperBound..<close.lowerBound]
            names.append(inside.prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }
}
