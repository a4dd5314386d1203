/// What a segment builder offers for one field: the operators that apply to it and the keys it
/// takes beside `field`, `op` and `value`, exactly as `SegmentDefinitionParser` checks them, so
/// a builder cannot offer a condition the parser refuses.
public struct SegmentFieldGuide: Sendable {
    public let field: SegmentField
    /// In the order a builder lists them. A custom attribute compares with fixed dates or by
    /// anniversary: `within_last_days` and `more_than_days_ago` are left out for it.
    public let operators: [SegmentOperator]
    /// The keys beside `field`, `op` and `value`: an order window (`within_days`,
    /// `placed_from`, `placed_before`) and `channel`; an event's `event`, `where` and window
    /// (`within_days`, `from`, `before`); a consent's `purpose` and `channel`; one of
    /// `productKeys` for `orders.bought`.
    public let keys: [String]

    /// What `orders.bought` matches lines by; a condition names exactly one.
    public static let productKeys = ProductMatch.keys

    public init(_ field: SegmentField) {
        self.field = field
        let operators = SegmentDefinitionParser.operators(for: field)
        if case .attribute = field {
            self.operators = operators.filter { $0 != .withinLastDays && $0 != .moreThanDaysAgo }
        } else {
            self.operators = operators
        }
        keys = SegmentDefinitionParser.extraKeys(for: field)
    }

    /// Every field with a fixed name, in the order the builder offers them.
    public static var named: [SegmentFieldGuide] { SegmentField.named.map(SegmentFieldGuide.init) }
}
