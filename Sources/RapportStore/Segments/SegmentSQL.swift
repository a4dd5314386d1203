import Foundation
import RapportCore
import SQLKit

/// A definition as SQL over the customers aliased `c`: whether each customer meets it (never
/// NULL), and the next moment its answer may change because time passes. The one reading of
/// definitions: counts, rebuilds, the upkeep as events happen and flips all use it.
///
/// Windows and relative dates are exact at their edges so that a flip, run at its moment,
/// sees the change: an item of the last `d` days counts while it is younger than `d` days
/// (it leaves at its time plus `d`); `more_than_days_ago d` holds from the moment plus `d`;
/// an anniversary's answer is the same all through a UTC day.
struct SegmentSQL {
    let dialect: EngineDialect
    let scope: SegmentScope
    private var now: Int64 { Timestamp.microseconds(scope.now) }

    // MARK: Membership

    func predicate(_ definition: SegmentDefinition) -> SQLQueryString {
        switch definition {
        case .all(let parts): parts.isEmpty ? "(1 = 1)" : "(" + joined(parts.map(predicate), " AND ") + ")"
        case .any(let parts): parts.isEmpty ? "(1 = 0)" : "(" + joined(parts.map(predicate), " OR ") + ")"
        case .not(let part): "(NOT " + predicate(part) + ")"
        case .condition(let condition): self.condition(condition)
        }
    }

    private func condition(_ condition: SegmentCondition) -> SQLQueryString {
        var positive = condition
        var negated = false
        switch condition.op {
        case .notEqual: positive.op = .equal; negated = true
        case .notContains: positive.op = .contains; negated = true
        case .noneOf: positive.op = .oneOf; negated = true
        case .isNotSet: positive.op = .isSet; negated = true
        default: break
        }
        if case .boolean(false) = condition.value {
            positive.value = .boolean(true)
            negated.toggle()
        }
        return "((" + test(positive) + ") IS " + (negated ? "NOT TRUE)" : "TRUE)")
    }

    /// The condition with a positive operator (`=`, `contains`, `in`, `is_set`, comparisons, dates).
    private func test(_ condition: SegmentCondition) -> SQLQueryString {
        if condition.op == .anniversaryWithinDays { return anniversary(condition) }
        switch condition.field {
        case .firstName: return text("c.first_name", condition)
        case .lastName: return text("c.last_name", condition)
        case .locale: return text("c.locale", condition)
        case .timezone: return text("c.timezone", condition)
        case .country, .city:
            let (rows, value) = dialect.addressRows(reading: condition.field == .country ? "country" : "city")
            return "EXISTS (SELECT 1 FROM " + rows + " WHERE " + text(value, condition) + ")"
        case .tags:
            return "c.tags LIKE \(bind: StoredJSON.tagPattern(condition.value.text ?? "")) ESCAPE '\\'"
        case .createdAt: return date("c.created_at", condition)
        case .identities:
            return "EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = \(bind: condition.value.text ?? ""))"
        case .attribute(let key): return attribute(key, condition)
        case .consent: return consent(condition)
        case .orderCount: return aggregate("COUNT(*)", orders(condition), condition)
        case .totalSpent: return aggregate("COALESCE(SUM(o.total - o.refunded), 0)", orders(condition, money: true), condition, money: true)
        case .averageOrderValue: return aggregate("AVG(o.total - o.refunded)", orders(condition, money: true), condition, money: true)
        case .refundedAmount: return aggregate("COALESCE(SUM(o.refunded), 0)", orders(condition, money: true), condition, money: true)
        case .bought: return aggregate("COUNT(DISTINCT o.id)", orders(condition), condition)
        case .firstOrderAt: return date("(SELECT MIN(o.placed_at) FROM " + orders(condition) + ")", condition)
        case .lastOrderAt: return date("(SELECT MAX(o.placed_at) FROM " + orders(condition) + ")", condition)
        case .openReturn:
            return "EXISTS (SELECT 1 FROM returns r WHERE r.customer_id = c.id AND r.status IN ('requested', 'approved', 'received'))"
        case .eventCount: return aggregate("COUNT(*)", events(condition), condition)
        case .firstSeenAt: return date("(SELECT MIN(t.occurred_at) FROM " + events(condition) + ")", condition)
        case .lastSeenAt: return date("(SELECT MAX(t.occurred_at) FROM " + events(condition) + ")", condition)
        case .openConversation:
            return "EXISTS (SELECT 1 FROM conversations v WHERE v.customer_id = c.id AND v.status <> 'resolved')"
        case .lastContactAt: return date("(SELECT MAX(v.last_message_at) FROM conversations v WHERE v.customer_id = c.id)", condition)
        case .lastContactChannel:
            return text("(SELECT v.channel FROM conversations v WHERE v.customer_id = c.id ORDER BY v.last_message_at DESC, v.id DESC LIMIT 1)", condition)
        case .rfmSegment: return text("(SELECT r.segment FROM customer_rfm r WHERE r.customer_id = c.id)", condition)
        case .recencyScore: return number("(SELECT r.recency_score FROM customer_rfm r WHERE r.customer_id = c.id)", condition)
        case .frequencyScore: return number("(SELECT r.frequency_score FROM customer_rfm r WHERE r.customer_id = c.id)", condition)
        case .monetaryScore: return number("(SELECT r.monetary_score FROM customer_rfm r WHERE r.customer_id = c.id)", condition)
        case .lifetimeValue: return number("(SELECT l.lifetime_value FROM customer_lifetime_values l WHERE l.customer_id = c.id)", condition)
        case .probabilityAlive: return number("(SELECT l.probability_alive FROM customer_lifetime_values l WHERE l.customer_id = c.id)", condition)
        case .expectedPurchases: return number("(SELECT l.expected_purchases FROM customer_lifetime_values l WHERE l.customer_id = c.id)", condition)
        case .segments:
            return "EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = \(bind: condition.value.text ?? "") AND m.customer_id = c.id)"
        }
    }

    // MARK: Where to start

    /// Customers among whom every member of the definition is, read from rows kept by
    /// workspace, when a condition every member must meet needs such a row: members of a
    /// segment it names, customers in an RFM segment or above a lifetime value, or customers
    /// with a named event in a window with a start (each by its index). Counting
    /// and rebuilding start from them instead of testing every customer; the predicate still
    /// decides. Nil when no condition narrows.
    func driver(_ definition: SegmentDefinition) -> SQLQueryString? {
        let required: [SegmentCondition] = switch definition {
        case .all(let parts): parts.compactMap { part in if case .condition(let condition) = part { condition } else { nil } }
        case .condition(let condition): [condition]
        case .any, .not: []
        }
        let narrowing = required.filter(Self.needsARow)
        if let member = narrowing.first(where: { $0.field == .segments }) {
            return "SELECT m.customer_id FROM segment_members m WHERE m.segment_id = \(bind: member.value.text ?? "")"
        }
        // RFM segment names are lower-case ASCII, as the predicate's LOWER reads them.
        if let rfm = narrowing.first(where: { $0.field == .rfmSegment }), let segment = rfm.value.text {
            return "SELECT r.customer_id FROM customer_rfm r WHERE r.workspace_id = \(bind: scope.workspaceID) AND r.segment = \(bind: segment.lowercased())"
        }
        if let value = narrowing.first(where: { $0.field == .lifetimeValue })?.value.number {
            return "SELECT l.customer_id FROM customer_lifetime_values l WHERE l.workspace_id = \(bind: scope.workspaceID)"
                + " AND l.lifetime_value >= \(bind: value)"
        }
        if let event = narrowing.first(where: { $0.field == .eventCount && $0.event != nil && Self.hasStart($0.window) }) {
            var rows: SQLQueryString = """
                SELECT t.customer_id FROM tracked_events t
                WHERE t.workspace_id = \(bind: scope.workspaceID) AND t.name = \(bind: event.event ?? "") AND t.customer_id IS NOT NULL
                """
            for key in event.properties.keys.sorted() {
                if let value = event.properties[key] { rows += " AND " + dialect.eventProperty(key, equals: value) }
            }
            return rows + bounds(event.window, column: "t.occurred_at")
        }
        return nil
    }

    /// Whether the condition holds only for a customer with at least one row of what it reads.
    private static func needsARow(_ condition: SegmentCondition) -> Bool {
        switch condition.field {
        case .segments: return condition.op == .contains
        case .rfmSegment: return condition.op == .equal && condition.value.text != nil
        case .lifetimeValue: return [.greaterOrEqual, .greater].contains(condition.op) && condition.value.number != nil
        case .eventCount:
            guard let value = condition.value.number else { return false }
            switch condition.op {
            case .greaterOrEqual, .equal: return value >= 1
            case .greater: return value >= 0
            default: return false
            }
        default: return false
        }
    }

    private static func hasStart(_ window: SegmentWindow?) -> Bool {
        switch window {
        case .lastDays?: true
        case .between(let from, _)?: from != nil
        case nil: false
        }
    }

    // MARK: Values

    private func text(_ expression: SQLQueryString, _ condition: SegmentCondition) -> SQLQueryString {
        // Both sides folded by the engine's own LOWER, so a value and a stored text fold alike.
        let lower = "LOWER(" + expression + ")"
        switch (condition.op, condition.value) {
        case (.isSet, _): return "(" + expression + " IS NOT NULL AND " + expression + " <> '')"
        case (.contains, .text(let value)): return lower + " LIKE LOWER(\(bind: "%" + LikePattern.escaped(value) + "%")) ESCAPE '\\'"
        case (.startsWith, .text(let value)): return lower + " LIKE LOWER(\(bind: LikePattern.escaped(value) + "%")) ESCAPE '\\'"
        case (.oneOf, .texts(let values)):
            return lower + " IN (" + joined(values.map { "LOWER(\(bind: $0))" as SQLQueryString }, ", ") + ")"
        case (.equal, .text(let value)): return lower + " = LOWER(\(bind: value))"
        default: return "(1 = 0)"
        }
    }

    private func text(_ expression: String, _ condition: SegmentCondition) -> SQLQueryString {
        text(SQLQueryString(expression), condition)
    }

    private func number(_ expression: SQLQueryString, _ condition: SegmentCondition, money: Bool = false) -> SQLQueryString {
        if condition.op == .isSet { return expression + " IS NOT NULL" }
        guard let value = condition.value.number, let symbol = comparison(condition.op) else { return "(1 = 0)" }
        if money { return expression + " \(unsafeRaw: symbol) \(bind: scope.minorUnits(value))" }
        return expression + " \(unsafeRaw: symbol) \(bind: value)"
    }

    private func number(_ expression: String, _ condition: SegmentCondition) -> SQLQueryString {
        number(SQLQueryString(expression), condition)
    }

    private func aggregate(_ measure: String, _ from: SQLQueryString, _ condition: SegmentCondition, money: Bool = false) -> SQLQueryString {
        number("(SELECT \(unsafeRaw: measure) FROM " + from + ")", condition, money: money)
    }

    /// Dates are stored as microseconds: `before` is strictly earlier, `after` at or later; a
    /// relative one (`{"days_ago": d}`) reads as `more_than_days_ago` or `within_last_days`.
    private func date(_ expression: SQLQueryString, _ condition: SegmentCondition) -> SQLQueryString {
        switch (condition.op, condition.value) {
        case (.isSet, _): return expression + " IS NOT NULL"
        case (.moreThanDaysAgo, .number(let days)): return expression + " <= \(bind: now - Self.micros(days))"
        case (.before, .date(.daysAgo(let days))): return expression + " <= \(bind: now - Self.micros(days))"
        case (.withinLastDays, .number(let days)): return expression + " > \(bind: now - Self.micros(days))"
        case (.after, .date(.daysAgo(let days))): return expression + " > \(bind: now - Self.micros(days))"
        case (.before, .date(.fixed(let moment))): return expression + " < \(bind: Timestamp.microseconds(moment))"
        case (.after, .date(.fixed(let moment))): return expression + " >= \(bind: Timestamp.microseconds(moment))"
        default: return "(1 = 0)"
        }
    }

    private func date(_ expression: String, _ condition: SegmentCondition) -> SQLQueryString {
        date(SQLQueryString(expression), condition)
    }

    private func attribute(_ key: String, _ condition: SegmentCondition) -> SQLQueryString {
        if condition.op == .isSet { return dialect.attribute(key, as: .any) + " IS NOT NULL AND " + dialect.attribute(key, as: .any) + " <> 'null'" }
        switch condition.value {
        case .number: return number(dialect.attribute(key, as: .number), condition)
        case .boolean(let flag): return dialect.attribute(key, as: .boolean) + " = \(bind: flag ? 1 : 0)"
        case .date(.fixed(let moment)):
            let text = dialect.attribute(key, as: .text)
            let bound = Self.dayOrTime(moment)
            return condition.op == .before ? text + " < \(bind: bound)" : text + " >= \(bind: bound)"
        default: return text(dialect.attribute(key, as: .text), condition)
        }
    }

    /// The date's month and day is one of those coming round from today to `d` days on. They
    /// are written as literals, not bound: up to 367 of them in each of a hundred conditions
    /// would outrun SQLite's 32,766 parameters per statement.
    private func anniversary(_ condition: SegmentCondition) -> SQLQueryString {
        guard let days = condition.value.number, let recurring = monthDay(condition) else { return "(1 = 0)" }
        let due = SegmentAnniversary.monthDays(within: Int(days), of: scope.now)
        return recurring + " IN (\(literals: due, joinedBy: ", "))"
    }

    /// The month and day (`MM-DD`) of the date a condition reads: of the stored moment (UTC),
    /// or as a custom attribute writes it (`1990-06-07`, or an ISO 8601 time); NULL without one.
    private func monthDay(_ condition: SegmentCondition) -> SQLQueryString? {
        if case .attribute(let key) = condition.field {
            let text = dialect.attribute(key, as: .text)
            return "(CASE WHEN " + text + " LIKE '____-__-__%' THEN SUBSTR(" + text + ", 6, 5) END)"
        }
        return dateExpression(condition).map(dialect.monthDay(ofMicroseconds:))
    }

    private func consent(_ condition: SegmentCondition) -> SQLQueryString {
        """
        (SELECT CASE WHEN e.status = 'granted' AND (e.expires_at IS NULL OR e.expires_at > \(bind: now)) THEN 1 ELSE 0 END
           FROM consent_entries e WHERE e.customer_id = c.id AND e.purpose = \(bind: condition.purpose?.rawValue ?? "")
            AND e.channel = \(bind: condition.channel?.rawValue ?? "")
          ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id DESC LIMIT 1) = 1
        AND NOT EXISTS (SELECT 1 FROM contact_preferences p WHERE p.customer_id = c.id AND p.paused_until > \(bind: now))
        """
    }

    // MARK: What counts

    /// The customer's orders a condition reads: not cancelled, within its window, through its
    /// channel; lines of its product for `orders.bought`; in the main currency for money.
    private func orders(_ condition: SegmentCondition, money: Bool = false, window: Bool = true) -> SQLQueryString {
        var from: SQLQueryString = "orders o"
        if condition.product != nil { from += " JOIN order_lines l ON l.order_id = o.id" }
        from += " WHERE o.customer_id = c.id AND o.cancelled_at IS NULL AND o.status <> 'cancelled'"
        if money { from += " AND o.currency = \(bind: scope.currency)" }
        if let channel = condition.orderChannel { from += " AND o.channel = \(bind: channel)" }
        switch condition.product {
        case .product(let id)?: from += " AND l.product_id = \(bind: id)"
        case .variant(let id)?: from += " AND l.variant_id = \(bind: id)"
        case .sku(let sku)?: from += " AND l.sku = \(bind: sku)"
        case .category(let category)?:
            from += " AND l.product_id IN (SELECT p.id FROM products p WHERE p.workspace_id = \(bind: scope.workspaceID) AND "
                + dialect.containsAny([category], column: "p.categories", quoted: true) + ")"
        case nil: break
        }
        if window { from += bounds(condition.window, column: "o.placed_at") }
        return from
    }

    private func events(_ condition: SegmentCondition, window: Bool = true) -> SQLQueryString {
        var from: SQLQueryString = "tracked_events t WHERE t.customer_id = c.id"
        if let event = condition.event { from += " AND t.name = \(bind: event)" }
        for key in condition.properties.keys.sorted() {
            if let value = condition.properties[key] { from += " AND " + dialect.eventProperty(key, equals: value) }
        }
        if window { from += bounds(condition.window, column: "t.occurred_at") }
        return from
    }

    /// A fixed start counts from its moment on; a moving one counts what is younger than it.
    /// A fixed end counts what came before it; a moving one what is at least that old.
    private func bounds(_ window: SegmentWindow?, column: String) -> SQLQueryString {
        var clause: SQLQueryString = ""
        switch window {
        case .lastDays(let days)?:
            clause += " AND \(unsafeRaw: column) > \(bind: now - Self.micros(days))"
        case .between(let from, let before)?:
            switch from {
            case .fixed(let moment)?: clause += " AND \(unsafeRaw: column) >= \(bind: Timestamp.microseconds(moment))"
            case .daysAgo(let days)?: clause += " AND \(unsafeRaw: column) > \(bind: now - Self.micros(days))"
            case nil: break
            }
            switch before {
            case .fixed(let moment)?: clause += " AND \(unsafeRaw: column) < \(bind: Timestamp.microseconds(moment))"
            case .daysAgo(let days)?: clause += " AND \(unsafeRaw: column) <= \(bind: now - Self.micros(days))"
            case nil: break
            }
        case nil: break
        }
        return clause
    }

    // MARK: When time changes the answer

    /// The next moment after now at which the definition's answer may change with nothing
    /// else happening (microseconds; NULL: never). It may name a moment at which nothing
    /// changes after all; it never misses one.
    func nextChange(_ definition: SegmentDefinition) -> SQLQueryString? {
        dialect.earliest(definition.conditions.flatMap(moments))
    }

    private func moments(_ condition: SegmentCondition) -> [SQLQueryString] {
        var moments: [SQLQueryString] = []
        // A date compared with one relative to now flips `d` days after it.
        let relativeDays: Double? = switch (condition.op, condition.value) {
        case (.withinLastDays, .number(let days)), (.moreThanDaysAgo, .number(let days)): days
        case (.before, .date(.daysAgo(let days))), (.after, .date(.daysAgo(let days))): Double(days)
        default: nil
        }
        if let relativeDays, let value = dateExpression(condition) {
            let shifted: SQLQueryString = "(" + value + " + \(bind: Self.micros(relativeDays)))"
            moments.append("(CASE WHEN " + shifted + " > \(bind: now) THEN " + shifted + " END)")
        }
        // Items of a moving window leave it (or enter it) a fixed time after they happened.
        if let window = condition.window {
            let delays = [window.span, window.entryDelay].compactMap { $0 }
            let source: (items: SQLQueryString, column: String)? = switch condition.facet {
            case .orders: (orders(condition, money: condition.field.isMoney, window: false), "o.placed_at")
            case .events: (events(condition, window: false), "t.occurred_at")
            default: nil
            }
            if let source {
                for delay in delays {
                    let micros = Int64(delay * 1_000_000)
                    moments.append(
                        "(SELECT MIN(\(unsafeRaw: source.column)) + \(bind: micros) FROM " + source.items
                            + " AND \(unsafeRaw: source.column) > \(bind: now - micros))")
                }
            }
        }
        // A window of every day of the year holds every date all year: nothing to schedule.
        if condition.op == .anniversaryWithinDays, let days = condition.value.number, Int(days) < SegmentAnniversary.maximumDays,
            let recurring = monthDay(condition)
        {
            moments.append(anniversaryChange(recurring, days: Int(days)))
        }
        if condition.field == .consent {
            moments.append("""
                (SELECT CASE WHEN e.status = 'granted' AND e.expires_at > \(bind: now) THEN e.expires_at END
                   FROM consent_entries e WHERE e.customer_id = c.id AND e.purpose = \(bind: condition.purpose?.rawValue ?? "")
                    AND e.channel = \(bind: condition.channel?.rawValue ?? "")
                  ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id DESC LIMIT 1)
                """)
            moments.append("(SELECT p.paused_until FROM contact_preferences p WHERE p.customer_id = c.id AND p.paused_until > \(bind: now))")
        }
        return moments
    }

    /// When an anniversary condition may next change: at a UTC midnight, as its answer holds
    /// for whole days. `ahead` is how many days on the date next comes round, counted in the
    /// leap year 2000's calendar: exact, or one too many when a 29 February that this year
    /// lacks lies between. A member (`ahead <= d`) stays one at least until the day after it
    /// comes round, `ahead + 1` days on or later; anyone else enters when it is `d` days away,
    /// `ahead - d` or `ahead - d - 1` days on. Each is scheduled at the lower count, and not
    /// before tomorrow: never late; when early, the evaluation then simply schedules again.
    /// NULL for a customer without a date that names a day.
    private func anniversaryChange(_ monthDay: SQLQueryString, days: Int) -> SQLQueryString {
        let midnight = Timestamp.microseconds(Calendar.utc.startOfDay(for: scope.now))
        let today = SegmentAnniversary.dayOfLeapYear(of: scope.now)
        var change: SQLQueryString = "(SELECT \(bind: midnight) + \(bind: Self.micros(1)) * (CASE WHEN n.ahead IN (0, \(bind: days + 1)) THEN 1"
        change += " WHEN n.ahead <= \(bind: days) THEN n.ahead ELSE n.ahead - \(bind: days + 1) END)"
        change += " FROM (SELECT (" + dialect.dayOfLeapYear("m.md") + " + \(bind: 366 - today)) % 366 AS ahead"
        change += " FROM (SELECT " + monthDay + " AS md) m) n)"
        return change
    }

    /// The stored moment a date condition compares.
    private func dateExpression(_ condition: SegmentCondition) -> SQLQueryString? {
        switch condition.field {
        case .createdAt: "c.created_at"
        case .firstOrderAt: "(SELECT MIN(o.placed_at) FROM " + orders(condition) + ")"
        case .lastOrderAt: "(SELECT MAX(o.placed_at) FROM " + orders(condition) + ")"
        case .firstSeenAt: "(SELECT MIN(t.occurred_at) FROM " + events(condition) + ")"
        case .lastSeenAt: "(SELECT MAX(t.occurred_at) FROM " + events(condition) + ")"
        case .lastContactAt: "(SELECT MAX(v.last_message_at) FROM conversations v WHERE v.customer_id = c.id)"
        default: nil
        }
    }

    // MARK: Helpers

    private func comparison(_ op: SegmentOperator) -> String? {
        switch op {
        case .equal: "="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .less: "<"
        case .lessOrEqual: "<="
        default: nil
        }
    }

    private func joined(_ parts: [SQLQueryString], _ separator: String) -> SQLQueryString {
        parts.dropFirst().reduce(parts[0]) { $0 + "\(unsafeRaw: separator)" + $1 }
    }

    static func micros(_ days: Double) -> Int64 { Int64(days * 86_400_000_000) }
    static func micros(_ days: Int) -> Int64 { Int64(days) * 86_400_000_000 }

    /// A fixed date as attributes write it: the day alone at midnight UTC, else the full time.
    static func dayOrTime(_ date: Date) -> String {
        SegmentDate.fixed(date).json.text ?? Timestamp.iso8601(date)
    }
}
