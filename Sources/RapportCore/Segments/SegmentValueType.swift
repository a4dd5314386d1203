/// What a field holds, which decides the operators and values it takes.
public enum SegmentValueType: String, Sendable {
    case text, number, date, tags, boolean, count, membership

    public var operators: [SegmentOperator] {
        switch self {
        case .text: [.equal, .notEqual, .contains, .startsWith, .oneOf, .noneOf, .isSet, .isNotSet]
        case .number: [.equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual, .isSet, .isNotSet]
        case .count: [.equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual]
        case .date: [.before, .after, .withinLastDays, .moreThanDaysAgo, .anniversaryWithinDays, .isSet, .isNotSet]
        case .tags, .membership: [.contains, .notContains]
        case .boolean: [.equal]
        }
    }
}
