/// `type/subtype; name=value; name="quoted value"` as in Content-Type and Content-Disposition.
enum HeaderParameters {
    static func parse(_ value: String) -> (type: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        let type = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            // RFC 2231 `filename*=UTF-8''na%C3%AFve.txt`
            if name.hasSuffix("*"), let quote = text.range(of: "''") {
                parameters[String(name.dropLast())] = String(text[quote.upperBound...]).removingPercentEncoding ?? text
            } else {
                parameters[name] = text
            }
        }
        return (type, parameters)
    }
}
