import Foundation
import Hummingbird
import RapportCore

/// Reads a JSON object field by field, collecting one error per wrong field (with its path)
/// instead of failing on the first, and refusing fields the endpoint does not know.
struct JSONObjectReader {
    private let object: [String: JSONValue]
    private let path: String
    private var known: Set<String> = []
    private(set) var errors: [FieldError] = []

    init(_ object: [String: JSONValue], path: String = "") {
        self.object = object
        self.path = path
    }

    /// The JSON object in a request body (at most 1 MiB, `application/json`).
    static func body(of request: Request, context: some RequestContext) async throws -> JSONObjectReader {
        if let type = request.headers[.contentType], !Self.isJSON(type) {
            throw BodyError.unsupportedMediaType(type)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        // An escaped NUL reaches the field checks, which say which field holds it.
        return JSONObjectReader(try object(from: Array(buffer.readableBytesView), allowingEscapedNUL: true))
    }

    /// A JSON object from raw bytes (request bodies, tracking calls, webhooks), read with
    /// Core's `JSONParser`, the one JSON reader; unknown fields are the caller's business.
    static func object(from bytes: [UInt8], allowingEscapedNUL: Bool = false) throws -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, allowingEscapedNUL: allowingEscapedNUL)
        } catch {
            throw BodyError.malformedJSON("\(error.message) at byte \(error.offset)")
        }
        guard case .object(let fields) = value else { throw BodyError.notAnObject }
        return fields
    }

    private static func isJSON(_ contentType: String) -> Bool {
        let mediaType = MediaType.essence(of: contentType)
        return mediaType == "application/json" || mediaType.hasSuffix("+json")
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func fail(_ key: String, _ message: String) {
        errors.append(FieldError(field: name(key), message: message))
    }

    private mutating func value(_ key: String) -> JSONValue? {
        known.insert(key)
        return object[key]
    }

    /// Absent and null both read as nil.
    mutating func string(_ key: String, maxLength: Int = 10_000) -> String? {
        nullableString(key, maxLength: maxLength) ?? nil
    }

    /// nil when absent, `.some(nil)` when null.
    mutating func nullableString(_ key: String, maxLength: Int = 10_000) -> String?? {
        switch value(key) {
        case nil: return nil
        case .null: return .some(nil)
        case .string(let text):
            if text.contains("\u{0}") {
                fail(key, "must not contain NUL characters")
                return nil
            }
            if text.count > maxLength {
                fail(key, "must be at most \(maxLength) characters")
                return nil
            }
            return .some(text)
        default:
            fail(key, "must be a string")
            return nil
        }
    }

    mutating func requiredString(_ key: String, maxLength: Int = 10_000) -> String? {
        if object[key] == nil || object[key] == .null {
            known.insert(key)
            fail(key, "is required")
            return nil
        }
        return string(key, maxLength: maxLength)
    }

    /// A whole number within `range`; absent and null read as nil.
    mutating func integer(_ key: String, in range: ClosedRange<Int64>) -> Int64? {
        switch value(key) {
        case nil, .null: return nil
        case .number(let number) where number == number.rounded() && abs(number) < 9e15:
            let whole = Int64(number)
            if range.contains(whole) { return whole }
            fail(key, "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        default:
            fail(key, "must be a whole number")
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        switch value(key) {
        case nil, .null: return nil
        case .bool(let flag): return flag
        default:
            fail(key, "must be true or false")
            return nil
        }
    }

    mutating func stringArray(_ key: String) -> [String]? {
        guard let items = array(key) else { return nil }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            if case .string(let text) = item, !text.contains("\u{0}") {
                strings.append(text)
            } else {
                fail("\(key)[\(index)]", "must be a string without NUL characters")
            }
        }
        return strings
    }

    mutating func array(_ key: String) -> [JSONValue]? {
        switch value(key) {
        case nil, .null: return nil
        case .array(let items): return items
        default:
            fail(key, "must be an array")
            return nil
        }
    }

    mutating func object(_ key: String) -> [String: JSONValue]? {
        switch value(key) {
        case nil, .null: return nil
        case .object(let fields): return fields
        default:
            fail(key, "must be an object")
            return nil
        }
    }

    mutating func date(_ key: String) -> Date? {
        guard let text = string(key, maxLength: 64) else { return nil }
        guard let date = Timestamp.parse(text) else {
            fail(key, "must be an ISO 8601 date-time such as 2026-01-31T09:30:00Z")
            return nil
        }
        return date
    }

    /// Any JSON value, kept as it is.
    mutating func any(_ key: String) -> JSONValue? {
        value(key)
    }

    /// Reads a nested object with its own reader; its errors are kept here.
    mutating func nested<T>(_ value: JSONValue, at key: String, _ read: (inout JSONObjectReader) -> T) -> T? {
        guard case .object(let fields) = value else {
            fail(key, "must be an object")
            return nil
        }
        var reader = JSONObjectReader(fields, path: name(key))
        let result = read(&reader)
        reader.rejectUnknown()
        errors += reader.errors
        return result
    }

    mutating func rejectUnknown() {
        for key in object.keys.sorted() where !known.contains(key) {
            errors.append(FieldError(field: name(key), message: "is not a known field"))
        }
    }

    /// Throws the collected errors, if any, after refusing unknown fields.
    mutating func finish() throws {
        rejectUnknown()
        if !errors.isEmpty { throw RapportError.invalid(errors) }
    }
}
