import Foundation
import RapportCore

/// Reads a submitted form into a `Decodable` struct. Each property is the field of its name in
/// snake_case (`handOffVIP` ← `hand_off_vip`, the API's rule). HTML forms send what they send:
/// - `String`: the value as typed, empty when the field is absent;
/// - `String?`: the value trimmed, nil when absent or blank (a text field left empty);
/// - `Bool`: true for `1`, `on`, `true` or `yes`; an unchecked box is absent and false;
/// - an array: every value of a repeated field (checkboxes, a multiple select), blanks left out;
/// - a number or a `String`-backed enum: parsed; one that does not parse is refused with the
///   field's name (`RapportError.invalid`, a 422), as a missing one that is not optional is.
struct WebFormDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from fields: [(String, String)]) throws -> Value {
        do {
            return try Value(from: FormDecoder(fields: fields))
        } catch let error as DecodingError {
            throw RapportError.invalid([problem(error)])
        }
    }

    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["1", "on", "true", "yes"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private static func problem(_ error: DecodingError) -> FieldError {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
            case .valueNotFound(_, let context): (context.codingPath, "is required")
            case .typeMismatch(_, let context): (context.codingPath, context.debugDescription)
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "is not valid")
            }
        let field = path.first.map { JSONDocumentEncoder.snakeCase($0.stringValue) } ?? "form"
        return FieldError(field: field, message: message)
    }

    /// `must be admin, manager, agent or marketer` for a `CaseIterable` choice, nil otherwise.
    fileprivate static func choices(of type: Any.Type) -> String? {
        guard let choices = type as? any CaseIterable.Type else { return nil }
        func names<Choice: CaseIterable>(_ type: Choice.Type) -> [String] {
            Choice.allCases.map { choice in (choice as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(choice)" }
        }
        let all = names(choices)
        guard let last = all.last else { return nil }
        return all.count == 1 ? "must be \(last)" : "must be \(all.dropLast().joined(separator: ", ")) or \(last)"
    }

    /// The whole form: a keyed container over its fields.
    private struct FormDecoder: Decoder {
        let fields: [(String, String)]
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Fields(fields: fields))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([String].self, .init(codingPath: [], debugDescription: "is a form, not a list"))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: [], debugDescription: "is a form, not a value"))
        }
    }

    private struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [(String, String)]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        private func values(_ key: Key) -> [String] {
            let name = JSONDocumentEncoder.snakeCase(key.stringValue)
            return fields.filter { $0.0 == name }.map(\.1)
        }

        private func field(_ key: Key) -> Field {
            Field(values: values(key), codingPath: [key])
        }

        func contains(_ key: Key) -> Bool { !values(key).isEmpty }
        func decodeNil(forKey key: Key) throws -> Bool { field(key).isBlank }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { WebFormDecoder.isTrue(values(key).first) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { values(key).first ?? "" }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { field(key).text }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try field(key).number(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try field(key).number(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try field(key).number(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try field(key).number(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try field(key).number(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try field(key).number(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try field(key).number(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try field(key).number(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try field(key).number(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try field(key).number(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try field(key).number(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try field(key).number(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try field(key).decode(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "is a field, not a group"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try field(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { FormDecoder(fields: fields) }
        func superDecoder(forKey key: Key) throws -> any Decoder { field(key) }
    }

    /// One field's values: a single value (the first) or, as a list, every one not blank.
    private struct Field: Decoder, SingleValueDecodingContainer {
        let values: [String]
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        var isBlank: Bool { text == nil }

        var text: String? {
            guard let value = values.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }

        func number<Number: LosslessStringConvertible>(_ type: Number.Type) throws -> Number {
            guard let text else { throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "is required")) }
            guard let number = Number(text) else {
                let words = type == Double.self || type == Float.self ? "must be a number" : "must be a whole number"
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: words))
            }
            return number
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "is a field, not a group"))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            List(values: values.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { isBlank }
        func decode(_ type: Bool.Type) throws -> Bool { WebFormDecoder.isTrue(values.first) }
        func decode(_ type: String.Type) throws -> String {
            guard let value = values.first else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "is required"))
            }
            return value
        }
        func decode(_ type: Double.Type) throws -> Double { try number(type) }
        func decode(_ type: Float.Type) throws -> Float { try number(type) }
        func decode(_ type: Int.Type) throws -> Int { try number(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try number(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try number(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try number(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try number(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try number(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try number(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try number(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try number(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try number(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try T(from: self)
            } catch DecodingError.dataCorrupted where WebFormDecoder.choices(of: type) != nil {
                let words = WebFormDecoder.choices(of: type) ?? ""
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: words))
            }
        }
    }

    /// A repeated field's values, one element each.
    private struct List: UnkeyedDecodingContainer {
        let values: [String]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
        mutating func decode(_ type: String.Type) throws -> String { try next(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

        private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else { throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "is required")) }
            defer { currentIndex += 1 }
            return try Field(values: [values[currentIndex]], codingPath: codingPath).decode(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "is a field, not a group"))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([String].self, .init(codingPath: codingPath, debugDescription: "is a field, not a list of lists"))
        }

        mutating func superDecoder() throws -> any Decoder { Field(values: values, codingPath: codingPath) }
    }
}
