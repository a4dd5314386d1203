import Foundation

/// Reads a definition from JSON and checks every part of it; a bad part is a 422 naming it
/// by its path (`definition.all[2].value`).
public enum SegmentDefinitionParser {
    /// Limits on one definition: how deep groups nest, how many parts it has in all, how many
    /// values an `in` lists, how far back a window reaches.
    public static let maximumDepth = 8
    public static let maximumParts = 100
    public static let maximumListedValues = 500
    /// Values listed by `in` and `not_in` across the whole definition (each is a parameter of
    /// the statements that evaluate it).
    public static let maximumListedValuesInAll = 1_000
    /// The largest number a condition compares with (money in major units included).
    public static let maximumMagnitude = 1e12
    public static let maximumDays = 36_500
    static let maximumTextLength = 200

    public static func parse(_ json: JSONValue, path: String = "definition") throws -> SegmentDefinition {
        let definition = try part(json, path: path, depth: 1)
        guard definition.size <= maximumParts else {
            throw RapportError.invalid(field: path, "has \(definition.size) conditions and groups; at most \(maximumParts) are allowed")
        }
        let listed = definition.conditions.reduce(0) { total, condition in
            if case .texts(let values) = condition.value { return total + values.count }
            return total
        }
        guard listed <= maximumListedValuesInAll else {
            throw RapportError.invalid(field: path, "lists \(listed) values in `in` and `not_in`; at most \(maximumListedValuesInAll) in all")
        }
        return definition
    }

    private static func part(_ json: JSONValue, path: String, depth: Int) throws -> SegmentDefinition {
        guard case .object(let object) = json else {
            throw RapportError.invalid(field: path, "must be an object: a group (`all`, `any`, `not`) or a condition (`field`, `op`, `value`)")
        }
        guard depth <= maximumDepth else { throw RapportError.invalid(field: path, "groups nest deeper than \(maximumDepth) levels") }
        let groupKeys = ["all", "any", "not"].filter { object[$0] != nil }
        if groupKeys.isEmpty { return .condition(try condition(object, path: path)) }
        guard groupKeys.count == 1, object.count == 1 else {
            throw RapportError.invalid(field: path, "a group has exactly one key: `all`, `any` or `not`")
        }
        let key = groupKeys[0]
        let inner = object[key] ?? .null
        if key == "not" { return .not(try part(inner, path: "\(path).not", depth: depth + 1)) }
        guard case .array(let items) = inner else { throw RapportError.invalid(field: "\(path).\(key)", "must be a list of conditions and groups") }
        let parts = try items.enumerated().map { index, item in try part(item, path: "\(path).\(key)[\(index)]", depth: depth + 1) }
        return key == "all" ? .all(parts) : .any(parts)
    }

    private static func condition(_ object: [String: JSONValue], path: String) throws -> SegmentCondition {
        guard let name = object["field"]?.text, case .string = object["field"] else {
            throw RapportError.invalid(field: "\(path).field", "is required: the field the condition tests")
        }
        guard let field = SegmentField(name: name) else {
            throw RapportError.invalid(field: "\(path).field", "`\(name)` is not a field segments know; see /docs/segments")
        }
        guard case .string(let opName)? = object["op"], let op = SegmentOperator(rawValue: opName) else {
            throw RapportError.invalid(field: "\(path).op", "is required: one of \(operators(for: field).map(\.rawValue).joined(separator: ", "))")
        }
        guard operators(for: field).contains(op) else {
            throw RapportError.invalid(field: "\(path).op", "`\(op.rawValue)` does not apply to \(name); use one of \(operators(for: field).map(\.rawValue).joined(separator: ", "))")
        }
        let allowed = Set(["field", "op", "value"] + extraKeys(for: field))
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw RapportError.invalid(field: "\(path).\(unknown)", "is not a key \(name) takes")
        }
        var condition = SegmentCondition(field: field, op: op, value: try value(object["value"], field: field, op: op, path: "\(path).value"))
        if case .attribute(let key) = field {
            guard !key.contains("\""), !key.contains("\\") else {
                throw RapportError.invalid(field: "\(path).field", "an attribute's name cannot hold `\"` or `\\`")
            }
            if condition.dependsOnTime, op != .anniversaryWithinDays {
                throw RapportError.invalid(
                    field: "\(path).op", "custom attributes compare with fixed dates only (`before`, `after` a date) or by anniversary (`anniversary_within_days`)")
            }
        }
        try readOptions(object, into: &condition, path: path)
        return condition
    }

    static func operators(for field: SegmentField) -> [SegmentOperator] {
        guard let type = field.valueType else {
            return SegmentValueType.text.operators
                + [.greater, .greaterOrEqual, .less, .lessOrEqual, .before, .after, .withinLastDays, .moreThanDaysAgo, .anniversaryWithinDays]
        }
        return type.operators
    }

    static func extraKeys(for field: SegmentField) -> [String] {
        switch field {
        case .eventCount: ["event", "where", "within_days", "from", "before"]
        case .firstSeenAt, .lastSeenAt: ["event"]
        case .bought: ["within_days", "placed_from", "placed_before", "channel"] + ProductMatch.keys
        case .orderCount, .totalSpent, .averageOrderValue, .refundedAmount: ["within_days", "placed_from", "placed_before", "channel"]
        case .consent: ["purpose", "channel"]
        default: []
        }
    }

    private static func value(_ json: JSONValue?, field: SegmentField, op: SegmentOperator, path: String) throws -> SegmentValue {
        switch op {
        case .isSet, .isNotSet:
            guard json == nil || json == .null else { throw RapportError.invalid(field: path, "takes no value with `\(op.rawValue)`") }
            return .none
        case .withinLastDays, .moreThanDaysAgo:
            return .number(Double(try days(json, path: path)))
        case .anniversaryWithinDays:
            return .number(Double(try days(json, path: path, from: 0, to: SegmentAnniversary.maximumDays)))
        case .before, .after:
            return .date(try date(json, path: path))
        case .oneOf, .noneOf:
            guard case .array(let items)? = json, !items.isEmpty, items.count <= maximumListedValues else {
                throw RapportError.invalid(field: path, "must be a list of 1 to \(maximumListedValues) texts")
            }
            return .texts(try items.map { item in try text(item, path: path) })
        default: break
        }
        switch field.valueType {
        case .count?:
            guard case .number(let number)? = json, number >= 0, number == number.rounded(), number < 1e9 else {
                throw RapportError.invalid(field: path, "must be a whole number, 0 or more")
            }
            return .number(number)
        case .number?:
            guard case .number(let number)? = json, number.isFinite, abs(number) < maximumMagnitude else {
                throw RapportError.invalid(field: path, "must be a number smaller than 10¹² in size")
            }
            return .number(number)
        case .boolean?:
            guard case .bool(let flag)? = json else { throw RapportError.invalid(field: path, "must be true or false") }
            return .boolean(flag)
        case .tags?, .membership?, .text?:
            let value = try text(json, path: path)
            if field == .identities, !IdentityKind.allCases.contains(where: { $0.rawValue == value }) {
                throw RapportError.invalid(field: path, "must be an identity kind: \(IdentityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if field == .segments, !value.hasPrefix(IDPrefix.segment.rawValue + "_") { throw RapportError.invalid(field: path, "must be a segment's id") }
            return .text(field == .tags ? ProfileRules.canonicalTag(value) : value)
        case .date?:
            return .date(try date(json, path: path))
        case nil:
            switch json {
            case .number(let number)? where number.isFinite && abs(number) < maximumMagnitude && op != .contains && op != .startsWith:
                return .number(number)
            case .bool(let flag)? where op == .equal || op == .notEqual: return .boolean(flag)
            case .string(let text)? where ![.greater, .greaterOrEqual, .less, .lessOrEqual].contains(op): return .text(try self.text(.string(text), path: path))
            default: throw RapportError.invalid(field: path, "must be a text, number or true/false that `\(op.rawValue)` can compare")
            }
        }
    }

    private static func readOptions(_ object: [String: JSONValue], into condition: inout SegmentCondition, path: String) throws {
        let field = condition.field
        if let event = object["event"] { condition.event = try text(event, path: "\(path).event") }
        if let properties = object["where"] {
            guard case .object(let filters) = properties, filters.count <= 20,
                  filters.allSatisfy({ key, value in
                      guard !key.isEmpty, key.count <= 100, !key.contains("\""), !key.contains("\\") else { return false }
                      switch value {
                      case .string, .bool: return true
                      case .number(let number): return number.isFinite && abs(number) < maximumMagnitude
                      default: return false
                      }
                  }) else {
                throw RapportError.invalid(
                    field: "\(path).where", "must be an object of up to 20 properties (names without `\"` or `\\`), each equal to a text, number or true/false")
            }
            condition.properties = filters
        }
        let (fromKey, beforeKey) = field == .eventCount ? ("from", "before") : ("placed_from", "placed_before")
        if let within = object["within_days"] {
            guard object[fromKey] == nil, object[beforeKey] == nil else {
                throw RapportError.invalid(field: "\(path).within_days", "cannot be combined with \(fromKey) or \(beforeKey)")
            }
            condition.window = .lastDays(try days(within, path: "\(path).within_days"))
        } else if object[fromKey] != nil || object[beforeKey] != nil {
            let from = try object[fromKey].map { try date($0, path: "\(path).\(fromKey)") }
            let before = try object[beforeKey].map { try date($0, path: "\(path).\(beforeKey)") }
            condition.window = .between(from: from, before: before)
        }
        if field == .bought {
            let given = ProductMatch.keys.filter { object[$0] != nil }
            guard given.count == 1, let key = given.first, let match = ProductMatch(key: key, value: try text(object[key], path: "\(path).\(key)")) else {
                throw RapportError.invalid(field: path, "orders.bought needs exactly one of \(ProductMatch.keys.joined(separator: ", "))")
            }
            condition.product = match
        }
        if field == .consent {
            condition.purpose = ConsentPurpose(rawValue: try text(object["purpose"], path: "\(path).purpose"))
            let channelName = try text(object["channel"], path: "\(path).channel")
            guard let channel = ConsentChannel(rawValue: channelName) else {
                throw RapportError.invalid(field: "\(path).channel", "must be one of \(ConsentChannel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            condition.channel = channel
        } else if field.readsOrderWindow, let channel = object["channel"] {
            condition.orderChannel = try text(channel, path: "\(path).channel")
        }
    }

    private static func text(_ json: JSONValue?, path: String) throws -> String {
        guard case .string(let text)? = json, !text.isEmpty, text.count <= maximumTextLength else {
            throw RapportError.invalid(field: path, "must be a text of 1 to \(maximumTextLength) characters")
        }
        return text
    }

    /// A whole number of days, from 1 to `maximumDays` unless told otherwise (0 reads as today).
    private static func days(_ json: JSONValue?, path: String, from least: Int = 1, to most: Int = maximumDays) throws -> Int {
        guard case .number(let number)? = json, number >= Double(least), number <= Double(most), number == number.rounded() else {
            throw RapportError.invalid(field: path, "must be a whole number of days from \(least == 0 ? "0 (today)" : String(least)) to \(most)")
        }
        return Int(number)
    }

    /// `"1997-06-01"` (midnight UTC), an ISO 8601 time, or `{"days_ago": n}`.
    private static func date(_ json: JSONValue?, path: String) throws -> SegmentDate {
        switch json {
        case .object(let object)? where object.count == 1 && object["days_ago"] != nil:
            return .daysAgo(try days(object["days_ago"], path: "\(path).days_ago"))
        case .string(let text)?:
            if let date = day(text) ?? Timestamp.parse(text) { return .fixed(date) }
        default: break
        }
        throw RapportError.invalid(field: path, "must be a date (`1997-06-01`), an ISO 8601 time, or {\"days_ago\": n}")
    }

    /// A calendar day as `YYYY-MM-DD`, at midnight UTC.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = Calendar.utc.date(from: components), Calendar.utc.component(.day, from: date) == day else { return nil }
        return date
    }
}
