import RapportCore

/// `GET /api/v1/insights/rfm`: customers per recency and frequency score (cells without
/// customers left out), with the segment of each cell, and customers per segment.
struct RFMGridResponse: JSONWritable {
    var grid: [RFMCell]

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("cells")
        writer.beginArray()
        for cell in grid {
            writer.beginObject()
            writer.key("customers"); writer.integer(Int64(cell.customers))
            writer.key("frequency_score"); writer.integer(Int64(cell.frequencyScore))
            writer.key("recency_score"); writer.integer(Int64(cell.recencyScore))
            writer.key("segment"); writer.string(RFMSegment.of(recency: cell.recencyScore, frequency: cell.frequencyScore).rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("object"); writer.string("rfm_grid")
        writer.key("segments")
        writer.beginArray()
        let counts = RFMSegment.counts(in: grid)
        for segment in RFMSegment.allCases {
            writer.beginObject()
            writer.key("customers"); writer.integer(Int64(counts[segment] ?? 0))
            writer.key("segment"); writer.string(segment.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
