/// How a condition compares its field with its value.
public enum SegmentOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case contains
    case notContains = "not_contains"
    case startsWith = "starts_with"
    case oneOf = "in"
    case noneOf = "not_in"
    case before
    case after
    case withinLastDays = "within_last_days"
    case moreThanDaysAgo = "more_than_days_ago"
    /// A date's yearly recurrence (month and day, UTC) comes round today or within the next
    /// `value` days (0 to 365; 0: today). See `SegmentAnniversary`.
    case anniversaryWithinDays = "anniversary_within_days"
    case isSet = "is_set"
    case isNotSet = "is_not_set"

    /// Whether a numeric comparison holds: `left op right`.
    public func compare(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .equal: left == right
        case .notEqual: left != right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .less: left < right
        case .lessOrEqual: left <= right
        default: false
        }
    }
}
