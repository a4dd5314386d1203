/// A request for one page: at most `limit` items after the item whose id is `startingAfter`.
public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public var limit: Int
    public var startingAfter: String?

    /// Validates `limit` (1…100, default 20).
    public init(limit: Int? = nil, startingAfter: String? = nil) throws(RapportError) {
        let resolved = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(resolved) else {
            throw .invalid(field: "limit", "must be between 1 and \(Self.maximumLimit)")
        }
        self.limit = resolved
        self.startingAfter = startingAfter
    }
}
