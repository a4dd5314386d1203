/// A segment of customers, for lists and for the store metrics: by tag, RFM segment and
/// lifetime-value forecast (each left out when nil; all given ones must hold).
public struct CustomerFilter: Sendable, Equatable {
    /// Customers with this tag (lower-cased).
    public var tag: String?
    /// Customers in this RFM segment.
    public var rfmSegment: RFMSegment?
    /// Customers whose forecast lifetime value is at least this, in major units of the
    /// workspace's main currency.
    public var minimumLifetimeValue: Double?
    /// Customers whose probability of still buying is at most this (0 to 1): the ones slipping away.
    public var maximumProbabilityAlive: Double?

    /// No condition at all: every live customer.
    public var isEmpty: Bool { self == CustomerFilter() }

    public init(tag: String? = nil, rfmSegment: RFMSegment? = nil, minimumLifetimeValue: Double? = nil, maximumProbabilityAlive: Double? = nil) {
        self.tag = tag
        self.rfmSegment = rfmSegment
        self.minimumLifetimeValue = minimumLifetimeValue
        self.maximumProbabilityAlive = maximumProbabilityAlive
    }
}
