import Foundation

/// Recognises intents from examples: TF-IDF over word and character n-grams
/// (`TextFeatures`), one-vs-rest linear SVMs, and out-of-scope detection: a text is out of
/// scope when the examples' own out-of-scope class (labelled `outOfScopeLabel`) scores highest,
/// or when no intent reaches `threshold`.
public struct IntentClassifier: Sendable {
    public static let outOfScopeLabel = "oos"
    public let weighting: TFIDFWeighting
    public let model: LinearSVM
    public var threshold: Double

    /// Trains on `(text, intent)` examples; rows labelled `oos` teach what is out of scope.
    public static func train(
        _ examples: [(text: String, intent: String)], features: TextFeatures = TextFeatures(), cost: Double = 1, threshold: Double = -0.3
    ) async -> IntentClassifier {
        let weighting = TFIDFWeighting(features: features, documents: examples.map(\.text))
        let vectors = examples.map { (vector: weighting.vector($0.text), label: $0.intent) }
        let model = await LinearSVM.train(vectors, dimensions: weighting.count, cost: cost)
        return IntentClassifier(weighting: weighting, model: model, threshold: threshold)
    }

    public var intents: [String] { model.classes.filter { $0 != Self.outOfScopeLabel } }

    public func predict(_ text: String) -> IntentPrediction {
        let ranked = ranking(text)
        let inScope = ranked.best >= threshold && ranked.best > ranked.outOfScope
        // The logistic of the margin above the threshold: an even chance at the threshold.
        let confidence = 1 / (1 + exp(-4 * (ranked.best - threshold)))
        return IntentPrediction(intent: inScope ? ranked.intent : nil, nearest: ranked.intent, margin: ranked.best, confidence: confidence)
    }

    /// The best in-scope intent with its margin, and the out-of-scope class's margin (−∞ when
    /// the examples had none).
    func ranking(_ text: String) -> (intent: String, best: Double, outOfScope: Double) {
        let scores = model.scores(weighting.vector(text))
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
        return (intent, best, outOfScope)
    }

    /// Chooses the threshold on held-out examples: the one that keeps the most in-scope texts
    /// right while recognising at least `minimumOutOfScopeRecall` of the out-of-scope ones.
    public mutating func calibrate(on heldOut: [(text: String, intent: String)], minimumOutOfScopeRecall: Double = 0.5) {
        let ranked = heldOut.map { (ranking: ranking($0.text), truth: $0.intent) }
        let outOfScope = ranked.filter { $0.truth == Self.outOfScopeLabel }.map(\.ranking)
        let inScope = ranked.filter { $0.truth != Self.outOfScopeLabel }
        guard !outOfScope.isEmpty, !inScope.isEmpty else { return }
        var chosen: (threshold: Double, accuracy: Double)?
        for step in 0...80 {
            let candidate = -1.5 + Double(step) * 0.025
            let caught = outOfScope.count { $0.best < candidate || $0.outOfScope >= $0.best }
            let right = inScope.count { $0.ranking.best >= candidate && $0.ranking.best > $0.ranking.outOfScope && $0.ranking.intent == $0.truth }
            let recall = Double(caught) / Double(outOfScope.count)
            let accuracy = Double(right) / Double(inScope.count)
            if recall >= minimumOutOfScopeRecall, accuracy > chosen?.accuracy ?? -1 { chosen = (candidate, accuracy) }
        }
        if let chosen { threshold = chosen.threshold }
    }
}
