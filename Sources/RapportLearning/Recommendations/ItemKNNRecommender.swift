/// Item-based k-nearest neighbours (Sarwar et al. 2001; Deshpande & Karypis 2004): cosine
/// similarity of items over the users who interacted with them; each item keeps its
/// `neighbours` most similar items, and a user's score for an item sums its similarities to
/// the items in their profile. The classic baseline (RecBole's ItemKNN, k = 100).
public struct ItemKNNRecommender: Recommender {
    public let catalog: ItemCatalog
    /// For each item j, the items i among its nearest neighbours with sim(i, j).
    let neighbours: [[(item: Int, similarity: Double)]]

    public init(catalog: ItemCatalog, neighbours count: Int = 100) {
        self.catalog = catalog
        let cooccurrence = Cooccurrence(catalog: catalog)
        let n = catalog.count
        var neighbours: [[(item: Int, similarity: Double)]] = []
        neighbours.reserveCapacity(n)
        for j in 0..<n {
            var similarities = [Double](repeating: 0, count: n)
            for i in 0..<n where i != j {
                let together = cooccurrence.counts[i * n + j]
                if together > 0 { similarities[i] = together / (catalog.counts[i] * catalog.counts[j]).squareRoot() }
            }
            neighbours.append(RankedItems.top(count, of: similarities, excluding: [j]).compactMap { i in
                similarities[i] > 0 ? (i, similarities[i]) : nil
            })
        }
        self.neighbours = neighbours
    }

    public func scores(for profile: [(item: Int, weight: Double)]) -> [Double] {
        var inProfile = [Double](repeating: 0, count: catalog.count)
        for entry in profile { inProfile[entry.item] = 1 }
        return neighbours.map { list in list.reduce(0) { $0 + inProfile[$1.item] * $1.similarity } }
    }
}
