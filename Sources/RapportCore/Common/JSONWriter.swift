import Foundation

/// Writes JSON text directly, for the documents written once per customer on bulk paths (event
/// payloads, profile columns), where Foundation's generic `JSONEncoder` costs more than the
/// database insert. Output is compact, keys in the order written.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma = false

    public init() {}

    public mutating func beginObject() { separate(); text.append("{"); needsComma = false }
    public mutating func endObject() { text.append("}"); needsComma = true }
    public mutating func beginArray() { separate(); text.append("["); needsComma = false }
    public mutating func endArray() { text.append("]"); needsComma = true }

    /// Writes `"key":` ; the value follows with one of the value methods.
    public mutating func key(_ key: String) {
        separate()
        Self.appendQuoted(key, to: &text)
        text.append(":")
        needsComma = false
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { Self.appendQuoted(value, to: &text) } else { text.append("null") }
        needsComma = true
    }

    public mutating func number(_ value: Double) {
        separate()
        if !value.isFinite {
            text.append("null")
        } else if value == value.rounded(), abs(value) < 1e15 {
            text.append(String(Int64(value)))
        } else {
            text.append(String(value))
        }
        needsComma = true
    }

    /// An exact integer (money in minor units, counts).
    public mutating func integer(_ value: Int64) {
        separate()
        text.append(String(value))
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        text.append(value ? "true" : "false")
        needsComma = true
    }

    /// Appends a value that is JSON already (a stored document).
    public mutating func raw(_ json: String) {
        separate()
        text.append(json)
        needsComma = true
    }

    public mutating func null() {
        separate()
        text.append("null")
        needsComma = true
    }

    /// Any JSON value, objects with their keys sorted.
    public mutating func value(_ value: JSONValue?) {
        switch value {
        case nil, .null?: null()
        case .bool(let flag)?: bool(flag)
        case .number(let number)?: self.number(number)
        case .string(let text)?: string(text)
        case .array(let items)?:
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let fields)?:
            beginObject()
            for (name, item) in fields.sorted(by: { $0.key < $1.key }) {
                key(name)
                self.value(item)
            }
            endObject()
        }
    }

    public mutating func timestamp(_ value: Date?) {
        string(value.map(Timestamp.iso8601))
    }

    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    public mutating func attributes(_ values: [String: AttributeValue]) {
        beginObject()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            key(name)
            switch value {
            case .string(let text): string(text)
            case .number(let value): number(value)
            case .boolean(let flag): bool(flag)
            }
        }
        endObject()
    }

    public mutating func addresses(_ values: [Address]) {
        beginArray()
        for address in values { self.address(address) }
        endArray()
    }

    public mutating func address(_ address: Address) {
        beginObject()
        for (name, value) in [("city", address.city), ("country", address.country), ("label", address.label),
                              ("line1", address.line1), ("line2", address.line2),
                              ("postal_code", address.postalCode), ("region", address.region)] {
            guard let value else { continue }
            key(name)
            string(value)
        }
        endObject()
    }

    private mutating func separate() {
        if needsComma { text.append(",") }
    }

    private static func appendQuoted(_ value: String, to text: inout String) {
        text.append("\"")
        var plain = true
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            text.append(value)
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text.append("\\\"")
                case "\\": text.append("\\\\")
                case "\n": text.append("\\n")
                case "\r": text.append("\\r")
                case "\t": text.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text.append("\"")
    }
}
