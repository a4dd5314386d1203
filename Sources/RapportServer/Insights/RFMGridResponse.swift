import RapportCore

/// `GET /api/v1/insights/rfm`: customers per recency and frequency score (cells without
/// customers left out), with the segment of each cell, and customers per segment.
struct RFMGridResponse: Encodable {
    struct Cell: Encodable {
        let customers: Int
        let frequencyScore: Int
        let recencyScore: Int
        let segment: RFMSegment
    }

    struct SegmentCount: Encodable {
        let customers: Int
        let segment: RFMSegment
    }

    let cells: [Cell]
    let object = "rfm_grid"
    let segments: [SegmentCount]

    init(grid: [RFMCell]) {
        cells = grid.map {
            Cell(
                customers: $0.customers, frequencyScore: $0.frequencyScore, recencyScore: $0.recencyScore,
                segment: RFMSegment.of(recency: $0.recencyScore, frequency: $0.frequencyScore))
        }
        let counts = RFMSegment.counts(in: grid)
        segments = RFMSegment.allCases.map { SegmentCount(customers: counts[$0] ?? 0, segment: $0) }
    }
}
