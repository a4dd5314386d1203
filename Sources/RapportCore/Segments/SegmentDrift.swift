/// Where maintained membership differs from a recomputation: customers who meet the
/// definition but are not members, and members who do not meet it.
public struct SegmentDrift: Sendable, Equatable {
    public var missing: [String]
    public var extra: [String]

    public init(missing: [String], extra: [String]) {
        self.missing = missing
        self.extra = extra
    }

    public var isEmpty: Bool { missing.isEmpty && extra.isEmpty }
}
