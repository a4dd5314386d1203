import Foundation

/// A condition on one property of an event (`total` at least 50, `category` is `shoes`),
/// reached by a dotted path into its properties (`order.total`).
public struct JourneyPropertyFilter: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable, CaseIterable {
        case equals = "eq", notEquals = "neq", greaterThan = "gt", atLeast = "gte", lessThan = "lt", atMost = "lte"
        case contains, exists
    }

    public var path: [String]
    public var comparison: Operator
    /// Nil for `exists`.
    public var value: JSONValue?

    public init(path: [String], comparison: Operator, value: JSONValue?) {
        self.path = path
        self.comparison = comparison
        self.value = value
    }

    /// Whether the properties pass. A missing property (or a null) passes nothing but `neq`.
    /// Against a number, a number sent as text (`"59.90"`) compares as its number; two texts
    /// compare as text, ignoring case (so `"007"` is not `"7"`); `contains` finds text in text
    /// or a value in a list.
    public func holds(for properties: JSONValue) -> Bool {
        var found: JSONValue? = properties
        for key in path {
            guard case .object(let object)? = found else {
                found = nil
                break
            }
            found = object[key]
        }
        let present: JSONValue? = found == .null ? nil : found
        switch comparison {
        case .exists:
            return present != nil
        case .notEquals:
            guard let present, let value else { return true }
            return !Self.equal(present, value)
        case .equals:
            guard let present, let value else { return false }
            return Self.equal(present, value)
        case .contains:
            guard let present, let value else { return false }
            switch present {
            case .array(let items): return items.contains { Self.equal($0, value) }
            case .string(let text): return Self.text(value).map { text.range(of: $0, options: .caseInsensitive) != nil } ?? false
            default: return false
            }
        case .greaterThan, .atLeast, .lessThan, .atMost:
            guard let present, let value, let order = Self.order(present, value) else { return false }
            switch comparison {
            case .greaterThan: return order > 0
            case .atLeast: return order >= 0
            case .lessThan: return order < 0
            default: return order <= 0
            }
        }
    }

    /// A number, or a text that is a plain decimal number (no `nan`, `inf` or hex).
    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number):
            return number
        case .string(let text):
            let digits = text.drop { $0 == "-" || $0 == "+" }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(text), number.isFinite else { return nil }
            return number
        default:
            return nil
        }
    }

    /// Whether either side is a JSON number: then both compare as numbers.
    private static func numeric(_ left: JSONValue, _ right: JSONValue) -> (Double, Double)? {
        let either = if case .number = left { true } else if case .number = right { true } else { false }
        guard either, let a = number(left), let b = number(right) else { return nil }
        return (a, b)
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    private static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let (a, b) = numeric(left, right) { return a == b }
        if let a = text(left), let b = text(right) { return a.caseInsensitiveCompare(b) == .orderedSame }
        return left == right
    }

    /// -1, 0 or 1; nil when the two cannot be ordered.
    private static func order(_ left: JSONValue, _ right: JSONValue) -> Int? {
        if let (a, b) = numeric(left, right) { return a < b ? -1 : a > b ? 1 : 0 }
        guard case .string(let a) = left, case .string(let b) = right else { return nil }
        switch a.caseInsensitiveCompare(b) {
        case .orderedAscending: return -1
        case .orderedDescending: return 1
        case .orderedSame: return 0
        }
    }
}
