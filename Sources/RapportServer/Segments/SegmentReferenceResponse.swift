import RapportCore

/// A segment named in another answer (a customer's segments in the 360° view).
struct SegmentReferenceResponse: Encodable {
    let id: String
    let name: String
    let kind: String

    init(_ segment: Segment) {
        id = segment.id
        name = segment.name
        kind = segment.kind.rawValue
    }
}
