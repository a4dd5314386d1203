/// Text made safe to place in HTML or XML, in element content and in quoted attributes (the
/// workspace's pages, help articles, TwiML). It walks Unicode scalars, not characters: a quote
/// or bracket followed by a combining mark is one Swift `Character` (one grapheme), but to a
/// browser or an XML parser it is still a quote or a bracket.
public enum MarkupText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `escape` undone: the text an attribute written by `escape` holds.
    public static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
