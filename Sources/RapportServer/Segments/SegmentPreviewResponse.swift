import RapportCore

/// How many customers an unsaved definition holds, and the newest of them.
struct SegmentPreviewResponse: Encodable {
    let object = "segment_preview"
    let count: Int
    let sample: [CustomerResponse]

    init(_ preview: SegmentPreview) {
        count = preview.count
        sample = preview.sample.map(CustomerResponse.init)
    }
}
