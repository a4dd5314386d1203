import Foundation

/// Recognises intents from examples: TF-IDF over word and character n-grams
/// (`TextFeatures`), one-vs-rest linear SVMs, and out-of-scope detection: a text is out of
/// scope when the examples' own out-of-scope class (labelled `outOfScopeLabel`) scores highest,
/// or when its score (the best intent's margin plus its similarity to the nearest in-scope
/// example, `ExampleIndex`) stays under `threshold`.
public struct IntentClassifier: Sendable {
    public static let outOfScopeLabel = "oos"
    public let weighting: TFIDFWeighting
    public let model: LinearSVM
    public let examples: ExampleIndex
    public var threshold: Double

    /// Trains on `(text, intent)` examples; rows labelled `oos` teach what is out of scope.
    public static func train(
        _ examples: [(text: String, intent: String)], features: TextFeatures = TextFeatures(), cost: Double = 1, threshold: Double = 0.2
    ) async -> IntentClassifier {
        let weighting = TFIDFWeighting(features: features, documents: examples.map(\.text))
        let vectors = examples.map { (vector: weighting.vector($0.text), label: $0.intent) }
        let model = await LinearSVM.train(vectors, dimensions: weighting.count, cost: cost)
        let index = ExampleIndex(
            vectors: vectors.filter { $0.label != outOfScopeLabel }.map(\.vector), firstIndex: weighting.firstCharacterIndex,
            dimensions: weighting.count)
        return IntentClassifier(weighting: weighting, model: model, examples: index, threshold: threshold)
    }

    public var intents: [String] { model.classes.filter { $0 != Self.outOfScopeLabel } }

    public func predict(_ text: String) -> IntentPrediction {
        let ranked = ranking(text)
        let score = ranked.best + ranked.similarity
        let inScope = score >= threshold && ranked.best > ranked.outOfScope
        // The logistic of the score above the threshold: an even chance at the threshold.
        let confidence = 1 / (1 + exp(-4 * (score - threshold)))
        return IntentPrediction(intent: inScope ? ranked.intent : nil, nearest: ranked.intent, margin: ranked.best, confidence: confidence)
    }

    /// The best in-scope intent with its margin, the out-of-scope class's margin (−∞ when the
    /// examples had none), and the similarity to the nearest in-scope example.
    func ranking(_ text: String) -> (intent: String, best: Double, outOfScope: Double, similarity: Double) {
        let vector = weighting.vector(text)
        let scores = model.scores(vector)
        var best = -Double.infinity
        var intent = ""
        var outOfScope = -Double.infinity
        for (position, name) in model.classes.enumerated() {
            if name == Self.outOfScopeLabel {
                outOfScope = scores[position]
            } else if scores[position] > best {
                best = scores[position]
                intent = name
            }
        }
        return (intent, best, outOfScope, examples.nearestSimilarity(vector))
    }

    /// Chooses the threshold on held-out examples: the one that keeps the most in-scope texts
    /// right while recognising at least `minimumOutOfScopeRecall` of the out-of-scope ones.
    /// (The similarity's weight stays 1: 100 held-out out-of-scope rows are too few to tune it.)
    public mutating func calibrate(on heldOut: [(text: String, intent: String)], minimumOutOfScopeRecall: Double = 0.5) {
        let ranked = heldOut.map { (ranking: ranking($0.text), truth: $0.intent) }
        let outOfScope = ranked.filter { $0.truth == Self.outOfScopeLabel }.map(\.ranking)
        let inScope = ranked.filter { $0.truth != Self.outOfScopeLabel }
        guard !outOfScope.isEmpty, !inScope.isEmpty else { return }
        var chosen: (threshold: Double, accuracy: Double)?
        for step in 0...200 {
            let candidate = -1.5 + Double(step) * 0.025
            let caught = outOfScope.count { $0.best + $0.similarity < candidate || $0.outOfScope >= $0.best }
            let right = inScope.count { row in
                row.ranking.best + row.ranking.similarity >= candidate && row.ranking.best > row.ranking.outOfScope
                    && row.ranking.intent == row.truth
            }
            let recall = Double(caught) / Double(outOfScope.count)
            let accuracy = Double(right) / Double(inScope.count)
            if recall >= minimumOutOfScopeRecall, accuracy > chosen?.accuracy ?? -1 { chosen = (candidate, accuracy) }
        }
        if let chosen { threshold = chosen.threshold }
    }
}
