import RapportCore

/// `GET /api/v1/stats`: how many of each thing the workspace holds.
struct StatsResponse: JSONWritable {
    var counts: StoreCounts

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("customers"); writer.integer(Int64(counts.customers))
        writer.key("identities"); writer.integer(Int64(counts.identities))
        writer.key("interactions"); writer.integer(Int64(counts.interactions))
        writer.key("object"); writer.string("stats")
        writer.key("orders"); writer.integer(Int64(counts.orders))
        writer.key("products"); writer.integer(Int64(counts.products))
        writer.key("returns"); writer.integer(Int64(counts.returns))
        writer.key("tracked_events"); writer.integer(Int64(counts.trackedEvents))
        writer.endObject()
    }
}
