import Foundation
import RapportCore

/// Small readers over parsed provider JSON, so the adapters read like the payloads they parse.
extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var text: String? { scalarText }

    var items: [JSONValue] {
        if case .array(let list) = self { return list }
        return []
    }

    var double: Double? {
        switch self {
        case .number(let value): value
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// The value written back as compact JSON (kept as a message's raw payload).
    var jsonText: String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text
    }

    /// A Unix time in seconds (or milliseconds, when it is that large) as a date.
    var unixDate: Date? {
        guard let seconds = double else { return nil }
        return Date(timeIntervalSince1970: seconds > 100_000_000_000 ? seconds / 1000 : seconds)
    }
}
