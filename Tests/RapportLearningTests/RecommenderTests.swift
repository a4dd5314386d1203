import Foundation
import RapportLearning
import Testing

/// The recommenders and their evaluation against independent computations (NumPy) and, when
/// CI provides MovieLens 100k, against the published baselines.
@Suite("Recommenders")
struct RecommenderTests {
    /// Five users over items a, b, c, d (numbered in that order).
    static let toy: [ItemInteraction] = [
        ("u1", "a"), ("u1", "b"), ("u2", "a"), ("u2", "c"), ("u3", "b"), ("u3", "c"), ("u3", "d"),
        ("u4", "a"), ("u4", "b"), ("u4", "c"), ("u5", "c"), ("u5", "d"),
    ].enumerated().map { ItemInteraction(user: $1.0, item: $1.1, time: Double($0)) }

    @Test("the split holds out each user's last 20% by time, rounded down, ties in input order, at least one kept")
    func split() {
        let log = (0..<10).map { ItemInteraction(user: "u", item: "i\($0)", time: $0 == 9 ? 5 : Double($0)) }
            + [ItemInteraction(user: "v", item: "x", time: 1), ItemInteraction(user: "w", item: "y", time: 2), ItemInteraction(user: "w", item: "z", time: 1)]
        let split = InteractionSplit(log)
        // u's ten: times 0…8 and 5 again; the last two by time are i7 and i8 (i9 ties with i5 and comes after it).
        #expect(split.heldOut["u"] == ["i7", "i8"])
        #expect(split.heldOut["v"] == nil && split.heldOut["w"] == nil)
        #expect(split.training.count == 11)
    }

    @Test("EASE's weights and scores equal NumPy's closed form; the most recent item counts most")
    func ease() throws {
        let catalog = ItemCatalog(Self.toy)
        #expect(catalog.items == ["a", "b", "c", "d"])
        let model = try #require(EASERecommender(catalog: catalog, regularization: 2, halfLife: 5, floor: 0))
        let scores = model.scores(for: [(item: 2, weight: 1), (item: 0, weight: 1)])
        let expected = [0.3023255813953489, 0.4568501877653748, 0.28651031197087634, 0.18224498758899527]
        for (score, value) in zip(scores, expected) { #expect(abs(score - value) < 1e-12) }
        #expect(model.top(2, for: [(item: 2, weight: 1), (item: 0, weight: 1)], excluding: [0, 2]) == [1, 3])
    }

    @Test("the symmetric inverse times the matrix is the identity; a matrix that is not positive definite has none")
    func inverse() throws {
        var generator = SeededGenerator(seed: 3)
        let n = 300
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let value = Double(generator.next() % 1000) / 1000
                matrix[i * n + j] = value
                matrix[j * n + i] = value
            }
            matrix[i * n + i] += Double(n)
        }
        let inverse = try #require(SymmetricInverse.of(matrix, size: n))
        var largest = 0.0
        for i in stride(from: 0, to: n, by: 37) {
            for k in 0..<n {
                let product = (0..<n).reduce(0.0) { $0 + matrix[i * n + $1] * inverse[$1 * n + k] }
                largest = max(largest, abs(product - (i == k ? 1 : 0)))
            }
        }
        #expect(largest < 1e-12)
        #expect(SymmetricInverse.of([1, 2, 2, 1], size: 2) == nil)
    }

    @Test("precision, recall and NDCG at a cut-off, by hand")
    func metrics() {
        // u1's ten: the last two (b, d) are held out. Popularity ranks b (2 users), c (2), d (1).
        let log = [
            ItemInteraction(user: "u1", item: "a", time: 1), ItemInteraction(user: "u2", item: "b", time: 1), ItemInteraction(user: "u3", item: "b", time: 1),
            ItemInteraction(user: "u2", item: "c", time: 2), ItemInteraction(user: "u3", item: "c", time: 2), ItemInteraction(user: "u4", item: "d", time: 1),
            ItemInteraction(user: "u1", item: "z", time: 2), ItemInteraction(user: "u1", item: "y", time: 3), ItemInteraction(user: "u1", item: "x", time: 4),
            ItemInteraction(user: "u1", item: "w", time: 5), ItemInteraction(user: "u1", item: "v", time: 6), ItemInteraction(user: "u1", item: "t", time: 7),
            ItemInteraction(user: "u1", item: "s", time: 8), ItemInteraction(user: "u1", item: "b", time: 9), ItemInteraction(user: "u1", item: "d", time: 10),
        ]
        let split = InteractionSplit(log)
        #expect(split.heldOut == ["u1": ["b", "d"]])
        let metrics = RankingMetrics.evaluate(PopularityRecommender(catalog: ItemCatalog(split.training)), on: split, cutoff: 3)
        // Top 3 for u1 (its eight training items excluded): b, c, d → hits at ranks 1 and 3.
        #expect(metrics.users == 1 && abs(metrics.precision - 2.0 / 3) < 1e-12 && metrics.recall == 1)
        #expect(abs(metrics.ndcg - (1 + 1 / log2(4.0)) / (1 + 1 / log2(3.0))) < 1e-12)
    }

    @Test(
        "on MovieLens 100k, popularity scores the published P@10 (about 0.105) and Rapport's model beats item-kNN and implicit's ALS (NDCG@10 0.198)",
        .enabled(if: ProcessInfo.processInfo.environment["RAPPORT_ML100K"] != nil))
    func movieLens() throws {
        let path = try #require(ProcessInfo.processInfo.environment["RAPPORT_ML100K"])
        let split = InteractionSplit(try InteractionLogFormat.interactions(String(contentsOfFile: path, encoding: .utf8), separator: "\t"))
        let catalog = ItemCatalog(split.training)
        let popularity = RankingMetrics.evaluate(PopularityRecommender(catalog: catalog), on: split)
        #expect(popularity.users == 943 && abs(popularity.precision - 0.105) < 0.002)
        let knn = RankingMetrics.evaluate(ItemKNNRecommender(catalog: catalog), on: split)
        let rapport = RankingMetrics.evaluate(try #require(EASERecommender(catalog: catalog)), on: split)
        #expect(rapport.ndcg > knn.ndcg && rapport.ndcg > 0.198)
    }
}
