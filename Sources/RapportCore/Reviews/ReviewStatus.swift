/// Where a review stands in moderation: waiting, shown on the shop, or kept off it (with the
/// reason).
public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case approved
    case rejected
}
