/// One page of a list: `data`, whether more follow, and the cursor for the next page.
struct ListResponse<Item: Encodable>: Encodable {
    let object = "list"
    var data: [Item]
    var hasMore: Bool
    @NullEncoded var nextStartingAfter: String?

    init(data: [Item], hasMore: Bool, lastID: String?) {
        self.data = data
        self.hasMore = hasMore
        self.nextStartingAfter = hasMore ? lastID : nil
    }
}
