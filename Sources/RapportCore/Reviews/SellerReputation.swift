import Foundation

/// How the store stands with its reviewers: of the approved reviews written in a range (by
/// customers still on record), how many, their mean rating, the share positive (4–5 stars) and
/// negative (1–2), the share the seller answered in public and how long that took (median and
/// 90th percentile); and the store's rating over all time, as the shop shows it.
public struct SellerReputation: Sendable, Equatable {
    public var reviews: Int
    public var averageRating: Double?
    public var positiveShare: Double?
    public var negativeShare: Double?
    public var repliedShare: Double?
    /// From a review to the seller's reply, of the reviews answered.
    public var replyTime: DurationSummary
    public var allTime: ProductRating

    public init(facts: [ReviewFact], allTime: ProductRating) {
        reviews = facts.count
        let count = Double(facts.count)
        averageRating = facts.isEmpty ? nil : Double(facts.reduce(0) { $0 + $1.rating }) / count
        positiveShare = facts.isEmpty ? nil : Double(facts.filter { $0.rating >= 4 }.count) / count
        negativeShare = facts.isEmpty ? nil : Double(facts.filter { $0.rating <= 2 }.count) / count
        let delays = facts.compactMap { fact in fact.repliedAt.map { max(0, $0.timeIntervalSince(fact.createdAt)) } }
        repliedShare = facts.isEmpty ? nil : Double(delays.count) / count
        replyTime = DurationSummary(delays)
        self.allTime = allTime
    }
}
