import Foundation
import RapportCore

/// JSON documents kept in text columns (profiles' addresses, tags and attributes, merge snapshots).
enum StoredJSON {
    private static let encoder = JSONCoding.makeEncoder()
    private static let decoder = JSONCoding.makeDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    // The profile columns are written for every customer of an import and read on every view:
    // they go through JSONWriter, and empty values skip the decoder.

    static func tags(_ tags: [String]) -> String {
        var writer = JSONWriter()
        writer.strings(tags)
        return writer.text
    }

    /// A LIKE pattern, for use with `ESCAPE '\'`, that finds one tag in a stored tag list (tags
    /// are stored as a JSON array of lower-case strings, so the quoted tag is unambiguous; `%`
    /// and `_` in it are escaped, so `big_spender` does not match `bigXspender`).
    static func tagPattern(_ tag: String) -> String {
        let quoted = tags([tag]).dropFirst().dropLast()
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%" + quoted + "%"
    }

    static func addresses(_ addresses: [Address]) -> String {
        var writer = JSONWriter()
        writer.addresses(addresses)
        return writer.text
    }

    static func attributes(_ attributes: [String: AttributeValue]) -> String {
        var writer = JSONWriter()
        writer.attributes(attributes)
        return writer.text
    }

    /// A free-form payload (a touchpoint's), objects with sorted keys.
    static func json(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.value(value)
        return writer.text
    }

    static func decodeList<T: Decodable>(_ type: [T].Type, from text: String) throws -> [T] {
        text == "[]" ? [] : try decode(type, from: text)
    }

    static func decodeAttributes(from text: String) throws -> [String: AttributeValue] {
        text == "{}" ? [:] : try decode([String: AttributeValue].self, from: text)
    }
}
