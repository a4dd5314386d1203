import Foundation

/// Term-frequency × inverse-document-frequency over hashed features, learnt from the training
/// texts: sublinear term frequency (1 + log count), smoothed idf, each vector scaled to length
/// 1. Buckets seen in training get compact indices `0..<count`; unseen ones are dropped.
public struct TFIDFWeighting: Sendable {
    public let features: TextFeatures
    /// Bucket → (compact index, idf).
    let vocabulary: [Int: (index: Int, idf: Double)]

    public var count: Int { vocabulary.count }
    /// Compact indices from here on are character n-grams (buckets are sorted, and the
    /// character group holds the highest buckets).
    public let firstCharacterIndex: Int

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
        self.firstCharacterIndex = documentFrequency.keys.count { features.group(of: $0) != .characters }
    }

    /// Each group of features (words, word pairs, characters) is scaled to its own length
    /// (`FeatureGroup.weight`), so the many character n-grams do not drown the words.
    public func vector(_ text: String) -> SparseVector {
        var groups: [FeatureGroup: [Int: Double]] = [:]
        for (bucket, count) in features.counts(text) {
            // Features never seen in training carry no information for the model.
            guard let entry = vocabulary[bucket] else { continue }
            groups[features.group(of: bucket), default: [:]][entry.index] = (1 + log(count)) * entry.idf
        }
        var entries: [Int: Double] = [:]
        for group in FeatureGroup.allCases {
            guard let values = groups[group] else { continue }
            // Summed in index order: a dictionary's order differs between instances, and so
            // would the last bits of the norm, and with them the model.
            let norm = values.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
            guard norm > 0 else { continue }
            for (index, value) in values { entries[index] = value / norm * group.weight }
        }
        return SparseVector(entries)
    }
}
