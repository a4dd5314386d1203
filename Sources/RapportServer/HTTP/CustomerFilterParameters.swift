import Hummingbird
import RapportCore

/// A segment of customers from the query string: `tag`, `segment` (an RFM segment by name, or
/// a saved segment or list by id, `seg_…`), `min_lifetime_value` (major units) and
/// `max_probability_alive` (0 to 1); a bad value is a 422 naming it (Core answers the same for
/// a `seg_…` id of no segment of the workspace).
enum CustomerFilterParameters {
    static func read(_ request: Request) throws -> CustomerFilter {
        let query = request.uri.queryParameters
        var filter = CustomerFilter()
        if let tag = query.get("tag") {
            guard !tag.isEmpty, tag.count <= 100 else { throw RapportError.invalid(field: "tag", "must be 1 to 100 characters") }
            filter.tag = tag.lowercased()
        }
        if let segment = query.get("segment") {
            if segment.hasPrefix(IDPrefix.segment.rawValue + "_") {
                guard ResourceID.isValid(segment, prefix: .segment) else { throw RapportError.invalid(field: "segment", "is not a seg_ id") }
                filter.segmentID = segment
            } else {
                guard let known = RFMSegment(rawValue: segment) else {
                    throw RapportError.invalid(
                        field: "segment", "must be a segment's id (seg_…) or one of \(RFMSegment.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                filter.rfmSegment = known
            }
        }
        if let text = query.get("min_lifetime_value") {
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw RapportError.invalid(field: "min_lifetime_value", "must be a number of at least 0")
            }
            filter.minimumLifetimeValue = value
        }
        if let text = query.get("max_probability_alive") {
            guard let value = Double(text), (0...1).contains(value) else {
                throw RapportError.invalid(field: "max_probability_alive", "must be a number from 0 to 1")
            }
            filter.maximumProbabilityAlive = value
        }
        return filter
    }
}
