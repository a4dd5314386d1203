import Foundation

/// Term-frequency × inverse-document-frequency over hashed features, learnt from the training
/// texts: sublinear term frequency (1 + log count), smoothed idf, each vector scaled to length
/// 1. Buckets seen in training get compact indices `0..<count`; unseen ones are dropped.
public struct TFIDFWeighting: Sendable {
    public let features: TextFeatures
    /// Bucket → (compact index, idf).
    let vocabulary: [Int: (index: Int, idf: Double)]

    public var count: Int { vocabulary.count }

    public init(features: TextFeatures, documents: [String]) {
        var documentFrequency: [Int: Int] = [:]
        for document in documents {
            for bucket in features.counts(document).keys { documentFrequency[bucket, default: 0] += 1 }
        }
        let total = Double(documents.count)
        var vocabulary: [Int: (index: Int, idf: Double)] = [:]
        for (position, bucket) in documentFrequency.keys.sorted().enumerated() {
            vocabulary[bucket] = (position, log((1 + total) / (1 + Double(documentFrequency[bucket] ?? 0))) + 1)
        }
        self.features = features
        self.vocabulary = vocabulary
    }

    /// Word and character features are scaled to length 1 separately, so the many character
    /// n-grams do not drown the words.
    public func vector(_ text: String) -> SparseVector {
        var words: [Int: Double] = [:]
        var characters: [Int: Double] = [:]
        for (bucket, count) in features.counts(text) {
            // Features never seen in training carry no information for the model.
            guard let entry = vocabulary[bucket] else { continue }
            let weight = (1 + log(count)) * entry.idf
            if features.isCharacterFeature(bucket) { characters[entry.index] = weight } else { words[entry.index] = weight }
        }
        func unit(_ group: [Int: Double]) -> [Int: Double] {
            // Summed in index order: a dictionary's order differs between instances, and so
            // would the last bits of the norm, and with them the model.
            let norm = group.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
            return norm > 0 ? group.mapValues { $0 / norm } : group
        }
        return SparseVector(unit(words).merging(unit(characters)) { first, _ in first })
    }
}
