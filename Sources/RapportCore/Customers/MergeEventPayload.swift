/// The payload of `customer.merged` and `customer.unmerged`: which customer absorbed which,
/// by whom and why.
public struct MergeEventPayload: EventPayload, Equatable {
    public static let version = 1

    public var actor: String
    public var mergeID: String
    public var mergedID: String
    public var reason: String
    public var survivorID: String

    public init(mergeID: String, survivorID: String, mergedID: String, actor: String, reason: String) {
        self.actor = actor
        self.mergeID = mergeID
        self.mergedID = mergedID
        self.reason = reason
        self.survivorID = survivorID
    }
}
