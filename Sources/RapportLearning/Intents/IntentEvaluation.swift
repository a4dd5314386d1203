/// How well predictions match the truth on a test set, as the CLINC150 paper counts it:
/// in-scope accuracy (an in-scope text judged out of scope is wrong), out-of-scope recall, and
/// the macro-averaged F1 over every label (out of scope as one more label).
public struct IntentEvaluation: Sendable, Equatable {
    public var inScopeAccuracy: Double
    public var outOfScopeRecall: Double?
    public var macroF1: Double

    /// `pairs`: (predicted intent or nil for out of scope, true intent with `oos` for out of scope).
    public init(_ pairs: [(predicted: String?, truth: String)]) {
        let outOfScope = IntentClassifier.outOfScopeLabel
        let normalized = pairs.map { (predicted: $0.predicted ?? outOfScope, truth: $0.truth) }
        let inScope = normalized.filter { $0.truth != outOfScope }
        inScopeAccuracy = inScope.isEmpty ? 0 : Double(inScope.count { $0.predicted == $0.truth }) / Double(inScope.count)
        let oos = normalized.filter { $0.truth == outOfScope }
        outOfScopeRecall = oos.isEmpty ? nil : Double(oos.count { $0.predicted == outOfScope }) / Double(oos.count)
        var truePositives: [String: Int] = [:]
        var predictedCount: [String: Int] = [:]
        var trueCount: [String: Int] = [:]
        for pair in normalized {
            predictedCount[pair.predicted, default: 0] += 1
            trueCount[pair.truth, default: 0] += 1
            if pair.predicted == pair.truth { truePositives[pair.truth, default: 0] += 1 }
        }
        let labels = Set(trueCount.keys)
        let scores = labels.map { label -> Double in
            let hits = Double(truePositives[label] ?? 0)
            let precision = hits / Double(max(predictedCount[label] ?? 0, 1))
            let recall = hits / Double(max(trueCount[label] ?? 0, 1))
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        macroF1 = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }
}
