import Foundation
import RapportCore

/// Field access for shop payloads, which write ids as numbers and money as decimal strings.
struct ShopJSON {
    let fields: [String: JSONValue]

    init(_ fields: [String: JSONValue]) {
        self.fields = fields
    }

    init?(_ value: JSONValue?) {
        guard case .object(let fields)? = value else { return nil }
        self.fields = fields
    }

    subscript(_ key: String) -> JSONValue? { fields[key] }

    /// A string, or a whole number as text; empty strings read as nil.
    func text(_ key: String) -> String? { fields[key]?.scalarText }

    /// A decimal amount (`"409.94"` or `409.94`) in minor units of `currency`.
    func money(_ key: String, currency: String) -> Int64? {
        switch fields[key] {
        case .string(let value)?: Currency.minorUnits(fromDecimal: value, currency: currency)
        case .number(let value)?: Currency.minorUnits(fromMajor: value, currency: currency)
        default: nil
        }
    }

    func integer(_ key: String) -> Int? {
        switch fields[key] {
        case .number(let value)? where value == value.rounded() && abs(value) < 1e9: Int(value)
        case .string(let value)?: Int(value)
        default: nil
        }
    }

    func objects(_ key: String) -> [ShopJSON] {
        guard case .array(let items)? = fields[key] else { return [] }
        return items.compactMap { ShopJSON($0) }
    }

    func object(_ key: String) -> ShopJSON? { ShopJSON(fields[key]) }

    /// A date-time; WooCommerce's `_gmt` fields carry no zone and are UTC.
    func date(_ key: String) -> Date? {
        guard let text = text(key) else { return nil }
        return Timestamp.parse(text) ?? Timestamp.parse(text + "Z")
    }
}
