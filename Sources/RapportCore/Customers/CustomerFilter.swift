/// A segment of customers, for lists, the inbox's customers and the store metrics: by tag,
/// RFM segment, lifetime-value forecast and membership of a saved segment or list (each left
/// out when nil; all given ones must hold). It is a special case of a segment definition:
/// the store evaluates `definition`, through the same reading as every segment.
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
    /// Customers who are members of this segment or list now (`seg_…`), by its maintained
    /// membership. The services check that it is one of the actor's workspace.
    public var segmentID: String?

    /// No condition at all: every live customer.
    public var isEmpty: Bool { self == CustomerFilter() }

    public init(
        tag: String? = nil, rfmSegment: RFMSegment? = nil, minimumLifetimeValue: Double? = nil, maximumProbabilityAlive: Double? = nil,
        segmentID: String? = nil
    ) {
        self.tag = tag
        self.rfmSegment = rfmSegment
        self.minimumLifetimeValue = minimumLifetimeValue
        self.maximumProbabilityAlive = maximumProbabilityAlive
        self.segmentID = segmentID
    }

    /// The filter as a segment definition: `{"all": […]}` of its conditions (`tags contains`,
    /// `rfm.segment =`, `clv.lifetime_value >=`, `clv.probability_alive <=`, `segments
    /// contains`). None of them reads the clock or money, so it means the same at any moment
    /// and in any currency.
    public var definition: SegmentDefinition {
        var conditions: [SegmentCondition] = []
        if let tag { conditions.append(SegmentCondition(field: .tags, op: .contains, value: .text(tag))) }
        if let rfmSegment { conditions.append(SegmentCondition(field: .rfmSegment, op: .equal, value: .text(rfmSegment.rawValue))) }
        if let minimumLifetimeValue {
            conditions.append(SegmentCondition(field: .lifetimeValue, op: .greaterOrEqual, value: .number(minimumLifetimeValue)))
        }
        if let maximumProbabilityAlive {
            conditions.append(SegmentCondition(field: .probabilityAlive, op: .lessOrEqual, value: .number(maximumProbabilityAlive)))
        }
        if let segmentID { conditions.append(SegmentCondition(field: .segments, op: .contains, value: .text(segmentID))) }
        return .all(conditions.map { .condition($0) })
    }
}
