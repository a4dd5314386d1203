/// One page of a list: `data`, whether more follow, and the cursor for the next page.
struct ListResponse<Item: Encodable>: Encodable {
    var object = "list"
    var data: [Item]
    var hasMore: Bool
    var nextStartingAfter: String?

    init(data: [Item], hasMore: Bool, lastID: String?) {
        self.data = data
        self.hasMore = hasMore
        self.nextStartingAfter = hasMore ? lastID : nil
    }

    enum CodingKeys: String, CodingKey { case object, data, hasMore, nextStartingAfter }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(data, forKey: .data)
        try container.encode(hasMore, forKey: .hasMore)
        try container.encode(nextStartingAfter, forKey: .nextStartingAfter)
    }
}
