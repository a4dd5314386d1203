import RapportCore

/// One page of a list: `data`, whether more follow, and the cursor for the next page.
struct ListResponse<Item: Encodable>: Encodable {
    let data: [Item]
    let hasMore: Bool
    let nextStartingAfter: String?
    let object = "list"

    init(data: [Item], hasMore: Bool, lastID: String?) {
        self.data = data
        self.hasMore = hasMore
        self.nextStartingAfter = hasMore ? lastID : nil
    }
}
