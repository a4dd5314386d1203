/// What a transaction changed about one customer, as segments read it: which kinds of fact,
/// which tracked events (nil: any), and the latest reason (an order placed for a customer the
/// same transaction created entered a segment because of the order).
public struct SegmentTouch: Sendable, Equatable {
    public var facets: Set<SegmentFacet>
    public var eventNames: Set<String>?
    public var reason: SegmentChangeReason

    /// Whether a change like this can change membership of a segment so defined.
    func concerns(_ definition: SegmentDefinition) -> Bool {
        // A customer created, deleted, restored or merged concerns every segment, even one
        // that reads nothing (`{"all": []}` holds everyone).
        if touchesEverything { return true }
        let read = definition.facets
        if !read.intersection(facets.subtracting([.events])).isEmpty { return true }
        guard facets.contains(.events), read.contains(.events) else { return false }
        guard let eventNames else { return true }
        return definition.eventNames.contains { name in name.map(eventNames.contains) ?? true }
    }

    /// Whether the customer as a whole came, went or changed hands.
    var touchesEverything: Bool { facets.count == SegmentFacet.allCases.count && eventNames == nil }

    /// Whether it touched every tracked event, whatever its name.
    private var touchesAnyEvent: Bool { facets.contains(.events) && eventNames == nil }

    mutating func merge(_ other: SegmentTouch) {
        let anyEvent = touchesAnyEvent || other.touchesAnyEvent
        facets.formUnion(other.facets)
        eventNames = anyEvent ? nil : (eventNames ?? []).union(other.eventNames ?? [])
        reason = other.reason
    }
}
