import RapportCore

/// One page of a list: `data`, whether more follow, and the cursor for the next page.
struct ListResponse<Item: JSONWritable>: JSONWritable {
    var data: [Item]
    var hasMore: Bool
    var nextStartingAfter: String?

    init(data: [Item], hasMore: Bool, lastID: String?) {
        self.data = data
        self.hasMore = hasMore
        self.nextStartingAfter = hasMore ? lastID : nil
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for item in data { item.write(to: &writer) }
        writer.endArray()
        writer.key("has_more"); writer.bool(hasMore)
        writer.key("next_starting_after"); writer.string(nextStartingAfter)
        writer.key("object"); writer.string("list")
        writer.endObject()
    }
}
