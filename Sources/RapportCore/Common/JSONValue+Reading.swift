import Foundation

/// Small readers over parsed JSON (providers' payloads, request bodies), so code reads like the
/// documents it reads: `root["entry"]?.items`, `message["text"]?["body"]?.text`.
extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public var text: String? { scalarText }

    public var items: [JSONValue] {
        if case .array(let list) = self { return list }
        return []
    }

    public var double: Double? {
        switch self {
        case .number(let value): value
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// The value written back as compact JSON (kept as a message's raw payload).
    public var jsonText: String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text
    }

    /// A Unix time in seconds (or milliseconds, when it is that large) as a date.
    public var unixDate: Date? {
        guard let seconds = double else { return nil }
        return Date(timeIntervalSince1970: seconds > 100_000_000_000 ? seconds / 1000 : seconds)
    }
}
