/// RFC 2047 encoded words in headers: `=?UTF-8?B?…?=` and `=?ISO-8859-1?Q?…?=`; white space
/// between two encoded words is dropped, as the RFC says.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var rest = Substring(value)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            let fields = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[3].hasPrefix("="), let encoding = fields[1].first else {
                output += rest[..<start.upperBound]
                rest = afterStart
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && before.allSatisfy(\.isWhitespace)) { output += before }
            let charset = String(fields[0])
            let text = fields[2]
            let bytes: [UInt8]
            switch encoding {
            case "B", "b":
                bytes = TransferEncoding.base64(Array(text.utf8)[...])
            default:
                bytes = TransferEncoding.quotedPrintable(Array(text.replacingOccurrences(of: "_", with: " ").utf8)[...])
            }
            output += Charsets.decode(bytes, charset: charset)
            rest = fields[3].dropFirst()
            lastWasEncoded = true
        }
        return output + rest
    }
}
