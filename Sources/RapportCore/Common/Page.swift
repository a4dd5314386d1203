/// One page of a cursor-paginated list, newest first.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Whether items remain after the last one in `items`.
    public var hasMore: Bool

    public init(items: [Item], hasMore: Bool) {
        self.items = items
        self.hasMore = hasMore
    }
}
