/// One test of a customer: `{"field", "op", "value"}` plus the keys its field takes — an
/// order window and filters, an event name and property filters, a consent's purpose and
/// channel, a product.
public struct SegmentCondition: Sendable, Equatable {
    public var field: SegmentField
    public var op: SegmentOperator
    public var value: SegmentValue
    /// `events.*`: the event's name (nil: any event).
    public var event: String?
    /// `events.count`: properties the event must have, each equal to the value given.
    public var properties: [String: JSONValue] = [:]
    /// Counts and sums: which orders or events count.
    public var window: SegmentWindow?
    /// Order fields: only orders placed through this channel (`web`, `pos`, …).
    public var orderChannel: String?
    /// `orders.bought`: what the lines must be.
    public var product: ProductMatch?
    /// `consent`: for what, on which channel.
    public var purpose: ConsentPurpose?
    public var channel: ConsentChannel?

    public init(field: SegmentField, op: SegmentOperator, value: SegmentValue) {
        self.field = field
        self.op = op
        self.value = value
    }

    public var facet: SegmentFacet { field.facet }

    /// Whether the condition's truth can change with nothing but time passing: a moving
    /// window, a date relative to now, an anniversary coming round, a consent that expires or
    /// a pause that ends.
    public var dependsOnTime: Bool {
        if field == .consent { return true }
        if window?.isRelative == true { return true }
        if case .date(let date) = value, date.isRelative { return true }
        return [.withinLastDays, .moreThanDaysAgo, .anniversaryWithinDays].contains(op)
    }

    public var json: JSONValue {
        var object: [String: JSONValue] = ["field": .string(field.name), "op": .string(op.rawValue)]
        if let value = value.json { object["value"] = value }
        if let event { object["event"] = .string(event) }
        if !properties.isEmpty { object["where"] = .object(properties) }
        switch window {
        case .lastDays(let days)?: object["within_days"] = .number(Double(days))
        case .between(let from, let before)?:
            let (fromKey, beforeKey) = field.facet == .events ? ("from", "before") : ("placed_from", "placed_before")
            if let from { object[fromKey] = from.json }
            if let before { object[beforeKey] = before.json }
        case nil: break
        }
        if let orderChannel { object["channel"] = .string(orderChannel) }
        if let product { object[product.key] = .string(product.value) }
        if let purpose { object["purpose"] = .string(purpose.rawValue) }
        if let channel { object["channel"] = .string(channel.rawValue) }
        return .object(object)
    }
}
