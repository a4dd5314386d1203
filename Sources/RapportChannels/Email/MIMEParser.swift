/// Splits raw MIME (RFC 5322 messages, multipart/form-data bodies) into parts. Lines may end
/// in CRLF or LF; folded headers are unfolded; multiparts are split on their boundary,
/// recursively, at most 20 levels deep.
public enum MIMEParser {
    public static func parse(_ bytes: [UInt8]) -> MIMEPart {
        parse(bytes[...], depth: 0)
    }

    /// The parts of a multipart body with the given boundary (a form-data body, for instance).
    public static func parts(of body: [UInt8], boundary: String) -> [MIMEPart] {
        split(body[...], boundary: boundary).map { parse($0, depth: 1) }
    }

    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int) -> MIMEPart {
        let (headerBytes, body) = splitHeader(bytes)
        let headers = parseHeaders(headerBytes)
        var part = MIMEPart(headers: headers, body: body, parts: [])
        let type = part.contentType
        if type.type.hasPrefix("multipart/"), let boundary = type.parameters["boundary"], depth < 20 {
            part.parts = split(body, boundary: boundary).map { parse($0, depth: depth + 1) }
        }
        return part
    }

    /// Header block and body, split at the first empty line.
    private static func splitHeader(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        // A part that starts with an empty line has no headers.
        if bytes.first == 0x0A { return (bytes[index..<index], bytes.dropFirst()) }
        if bytes.starts(with: [0x0D, 0x0A]) { return (bytes[index..<index], bytes.dropFirst(2)) }
        while index < bytes.endIndex {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { break }
            let next = newline + 1
            if next < bytes.endIndex, bytes[next] == 0x0A { return (bytes[bytes.startIndex..<newline], bytes[(next + 1)...]) }
            if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A {
                return (bytes[bytes.startIndex..<newline], bytes[(next + 2)...])
            }
            index = next
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    private static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for rawLine in lines(bytes) {
            let line = String(decoding: rawLine, as: UTF8.self)
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return headers
    }

    /// The byte ranges between boundary lines (`--boundary`), up to the closing `--boundary--`.
    private static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let marker = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let newline = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            var lineEnd = newline
            if lineEnd > lineStart, body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = body[lineStart..<lineEnd]
            if line.starts(with: marker) {
                let rest = line.dropFirst(marker.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                if closing || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start = partStart {
                        // The line break before a boundary belongs to the boundary.
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<end])
                    }
                    if closing { return parts }
                    partStart = min(newline + 1, body.endIndex)
                }
            }
            lineStart = newline + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var end = newline
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            result.append(bytes[start..<end])
            start = newline + 1
        }
        return result
    }
}
