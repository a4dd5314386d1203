import Foundation

/// Rapport's model: EASE (Steck 2019, "Embarrassingly shallow autoencoders for sparse
/// data") — item-to-item weights B from a closed form, B = I − P·diag(1/diag(P)) with
/// P = (XᵀX + λI)⁻¹ and a zero diagonal — scored from a recency-weighted profile: the
/// user's k-th most recent item counts `floor + (1 − floor)·2^(−k/halfLife)` (what someone
/// did last says most about what they want next). λ defaults to 15 interactions per item on
/// average, with half-life 5 and floor 0 chosen on a validation split carved from MovieLens
/// 100k's training part (never its test part). Profile weights (a view counts less than a
/// purchase) scale each item, up to 1.
public struct EASERecommender: Recommender {
    public let catalog: ItemCatalog
    /// Row-major item × item weights.
    let weights: [Double]
    public let regularization: Double
    public let halfLife: Double
    public let floor: Double

    /// Nil if the catalog is empty.
    public init?(catalog: ItemCatalog, regularization: Double? = nil, halfLife: Double = 5, floor: Double = 0) {
        let n = catalog.count
        guard n > 0 else { return nil }
        let lambda = regularization ?? max(1, 15 * catalog.counts.reduce(0, +) / Double(n))
        var gram = Cooccurrence(catalog: catalog).counts
        for i in 0..<n { gram[i * n + i] += lambda }
        guard var inverse = SymmetricInverse.of(gram, size: n) else { return nil }
        let diagonal = (0..<n).map { inverse[$0 * n + $0] }
        for i in 0..<n {
            for j in 0..<n { inverse[i * n + j] = i == j ? 0 : -inverse[i * n + j] / diagonal[j] }
        }
        self.catalog = catalog
        self.weights = inverse
        self.regularization = lambda
        self.halfLife = halfLife
        self.floor = floor
    }

    public func scores(for profile: [(item: Int, weight: Double)]) -> [Double] {
        let n = catalog.count
        var scores = [Double](repeating: 0, count: n)
        weights.withUnsafeBufferPointer { matrix in
            for (rank, entry) in profile.enumerated() {
                // A weight above 1 (bought several times) counts as 1: repetition is not taste.
                let recency = (floor + (1 - floor) * pow(2, -Double(rank) / halfLife)) * min(entry.weight, 1)
                let row = entry.item * n
                for j in 0..<n { scores[j] += recency * matrix[row + j] }
            }
        }
        return scores
    }
}
