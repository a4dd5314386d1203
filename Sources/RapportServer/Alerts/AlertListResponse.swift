import RapportCore

/// A page of the asker's alerts, with how many of all their alerts are unread.
struct AlertListResponse: Encodable {
    let object = "list"
    let data: [AlertDocument]
    let hasMore: Bool
    let nextStartingAfter: String?
    let unreadCount: Int

    init(_ page: Page<Alert>, unread: Int) {
        data = page.items.map(AlertDocument.init)
        hasMore = page.hasMore
        nextStartingAfter = page.hasMore ? page.items.last?.id : nil
        unreadCount = unread
    }
}
