/// The payload of `customer.merged` and `customer.unmerged` events.
struct MergeEventPayload: Encodable {
    var mergeId: String
    var survivorId: String
    var mergedId: String
    var actor: String
    var reason: String
}
