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

    public func vector(_ text: String) -> SparseVector {
        var weighted: [Int: Double] = [:]
        for (bucket, count) in features.counts(text) {
            // Features never seen in training carry no information for the model.
            guard let entry = vocabulary[bucket] else { continue }
            weighted[entry.index] = (1 + log(count)) * entry.idf
        }
        let norm = weighted.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return SparseVector(norm > 0 ? weighted.mapValues { $0 / norm } : weighted)
    }
}
