/// What a rebuild moved: customers who entered and who left.
struct SegmentRebuildResponse: Encodable {
    let object = "segment_rebuild"
    let entered: Int
    let left: Int
}
