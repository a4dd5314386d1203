/// The training examples' character n-grams, inverted: feature → (example, weight). It finds
/// how close a text comes to the nearest example (cosine of the character parts, each of
/// length 1), which tells out-of-scope texts apart better than the SVM's margin alone: a
/// question like no example sits far from all of them.
public struct ExampleIndex: Sendable {
    private let firstIndex: Int
    private let postings: [[(example: Int32, weight: Float)]]
    private let exampleCount: Int

    /// `vectors` are the in-scope training examples; features from `firstIndex` on are indexed.
    public init(vectors: [SparseVector], firstIndex: Int, dimensions: Int) {
        var postings = [[(example: Int32, weight: Float)]](repeating: [], count: max(0, dimensions - firstIndex))
        for (example, vector) in vectors.enumerated() {
            for (index, value) in zip(vector.indices, vector.values) where index >= firstIndex {
                postings[index - firstIndex].append((Int32(example), Float(value)))
            }
        }
        self.firstIndex = firstIndex
        self.postings = postings
        self.exampleCount = vectors.count
    }

    /// The highest cosine between the text's character part and an example's (0 when none).
    public func nearestSimilarity(_ vector: SparseVector) -> Double {
        guard exampleCount > 0 else { return 0 }
        var sums = [Float](repeating: 0, count: exampleCount)
        for (index, value) in zip(vector.indices, vector.values) where index >= firstIndex && index - firstIndex < postings.count {
            let weight = Float(value)
            for posting in postings[index - firstIndex] { sums[Int(posting.example)] += weight * posting.weight }
        }
        return Double(sums.max() ?? 0)
    }
}
