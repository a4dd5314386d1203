/// A kind of fact about a customer that conditions read; a change re-evaluates only the
/// segments reading what it touched.
public enum SegmentFacet: String, Sendable, Hashable, CaseIterable {
    case profile, identities, consent, orders, returns, events, conversations, insights, segments
}
