import Foundation

/// Precision, recall and NDCG at a cut-off, averaged over the users with held-out items.
public struct RankingMetrics: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var ndcg: Double
    public var users: Int

    public init(precision: Double, recall: Double, ndcg: Double, users: Int) {
        self.precision = precision
        self.recall = recall
        self.ndcg = ndcg
        self.users = users
    }

    /// Scores the model's top `cutoff` for every user of the split (items they trained on are
    /// never recommended); binary relevance, NDCG's ideal from the number of held-out items.
    public static func evaluate(_ model: some Recommender, on split: InteractionSplit, cutoff: Int = 10) -> RankingMetrics {
        var precision = 0.0, recall = 0.0, ndcg = 0.0, users = 0
        for user in split.heldOut.keys.sorted() {
            guard let relevant = split.heldOut[user], let profile = model.catalog.profiles[user] else { continue }
            let top = model.top(cutoff, for: profile, excluding: Set(profile.map(\.item)))
            var hits = 0.0, gain = 0.0
            for (rank, item) in top.enumerated() where relevant.contains(model.catalog.items[item]) {
                hits += 1
                gain += 1 / log2(Double(rank) + 2)
            }
            let ideal = (0..<min(cutoff, relevant.count)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
            precision += hits / Double(cutoff)
            recall += hits / Double(relevant.count)
            ndcg += gain / ideal
            users += 1
        }
        let count = Double(max(users, 1))
        return RankingMetrics(precision: precision / count, recall: recall / count, ndcg: ndcg / count, users: users)
    }
}
