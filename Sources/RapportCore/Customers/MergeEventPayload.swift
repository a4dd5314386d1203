/// The payload of `customer.merged` and `customer.unmerged` events.
public struct MergeEventPayload: Encodable, Sendable, Equatable {
    public var mergeId: String
    public var survivorId: String
    public var mergedId: String
    public var actor: String
    public var reason: String
}
