/// Which customers the store metrics count: everyone, or a segment.
public struct MetricsFilter: Sendable, Equatable {
    /// Customers with this tag.
    public var tag: String?
    /// Customers in this RFM segment.
    public var rfmSegment: RFMSegment?

    public init(tag: String? = nil, rfmSegment: RFMSegment? = nil) {
        self.tag = tag
        self.rfmSegment = rfmSegment
    }
}
