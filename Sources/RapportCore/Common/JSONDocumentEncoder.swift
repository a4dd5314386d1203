import Foundation

/// Encodes `Encodable` values straight into `JSONWriter` text, the one way Rapport writes JSON
/// documents: keys in snake_case, every key present (`nil` is `null`), dates as ISO 8601 UTC
/// with milliseconds, `JSONValue`s as they are (objects with sorted keys).
///
/// It streams: nothing is built in between, so it costs what the hand-written writer calls it
/// replaced did. Keys are written in the order the type encodes them, which for a synthesized
/// `Encodable` is the order its properties are declared in: the API's documents declare them
/// in sorted key order (the response tests compare every document byte for byte).
public enum JSONDocumentEncoder {
    public static func encode(_ value: some Encodable) throws -> String {
        var writer = JSONWriter()
        try encode(value, into: &writer)
        return writer.text
    }

    /// The text of a value whose encoding cannot fail: Rapport's own documents, which hold only
    /// text, numbers (a non-finite one is written as `null`), flags, dates and JSON values. Should
    /// a type ever fail, the text is `{}`, so what it describes is still stored.
    public static func text(_ value: some Encodable) -> String {
        (try? encode(value)) ?? "{}"
    }

    /// Appends the value to a document being written (a list's items, a wrapper's fields).
    public static func encode(_ value: some Encodable, into writer: inout JSONWriter) throws {
        let sink = DocumentSink(writer: writer)
        try sink.encodeValue(value)
        writer = sink.writer
    }

    /// `camelCase` → `snake_case`: an underscore before a capital that follows a small letter
    /// or a digit, or before the last capital of a run that a small letter follows, then lower
    /// case (`customerID` → `customer_id`, `webhookURL` → `webhook_url`, `line1` stays). ASCII
    /// keys, all of Rapport's own, are converted without a lock or an allocation.
    public static func snakeCase(_ key: String) -> String {
        var key = key
        let ascii: String?? = key.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard bytes.contains(where: isUpper) else { return .some(nil) }
            return .some(String(unsafeUninitializedCapacity: bytes.count * 2) { output in
                var written = 0
                for index in bytes.indices {
                    let byte = bytes[index]
                    guard isUpper(byte) else {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    if index > 0 {
                        let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                        if !isUpper(bytes[index - 1]) || nextIsLower {
                            output[written] = UInt8(ascii: "_")
                            written += 1
                        }
                    }
                    output[written] = byte + 0x20
                    written += 1
                }
                return written
            })
        }
        switch ascii {
        case .some(let converted): return converted ?? key
        case .none: return unicodeSnakeCase(key)
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// The same rule for keys beyond ASCII (none of Rapport's own), capital by capital.
    private static func unicodeSnakeCase(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        var output = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let isUpper = scalar.properties.isUppercase
            if isUpper && index > 0 {
                let previous = scalars[index - 1]
                let nextIsLower = index + 1 < scalars.count && scalars[index + 1].properties.isLowercase
                if !previous.properties.isUppercase || nextIsLower { output.append("_") }
            }
            output.append(contentsOf: isUpper ? String(scalar).lowercased().unicodeScalars : String(scalar).unicodeScalars)
        }
        return String(output)
    }
}
