import Foundation
import Synchronization

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

    /// Appends the value to a document being written (a list's items, a wrapper's fields).
    public static func encode(_ value: some Encodable, into writer: inout JSONWriter) throws {
        let sink = DocumentSink(writer: writer)
        try sink.encodeValue(value)
        writer = sink.writer
    }

    /// `camelCase` → `snake_case` as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` does
    /// it (`customerID` → `customer_id`, `line1` stays). Keys are few and repeat on every
    /// document, so each is converted once.
    public static func snakeCase(_ key: String) -> String {
        if let known = convertedKeys.withLock({ $0[key] }) { return known }
        let converted = convert(key)
        convertedKeys.withLock { cache in
            if cache.count < 10_000 { cache[key] = converted }
        }
        return converted
    }

    private static let convertedKeys = Mutex<[String: String]>([:])

    private static func convert(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return key }
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
