import Foundation
import RapportLearning

/// The predictive lead score learned from the workspace's own closed leads (converted into a
/// won deal, or not): a logistic regression on the leads' features, fitted on a seeded 80 %
/// and judged on the held-out 20 % by its AUC (with an interval) and a reliability table by
/// decile. It is used only with at least `minimumPerOutcome` leads of each outcome and an AUC
/// whose interval lies above 0.5; otherwise the rules score alone.
public struct LeadOutcomeModel: Sendable {
    public static let minimumPerOutcome = 50

    /// Nil when the history is too small or the fit failed.
    public var regression: LogisticRegression?
    public var quality: RankingQuality?
    public var reliability: [ReliabilityBin]
    public var trainingCount: Int
    public var heldOutCount: Int
    /// Why the model is not used, when it is not.
    public var refusal: String?

    public var isUsable: Bool { regression != nil && refusal == nil }

    /// - Parameters:
    ///   - features: one vector per closed lead (log counts of engagement, one-hot fit).
    ///   - converted: whether each became a won deal.
    public static func learn(features: [[Double]], converted: [Bool], seed: UInt64 = 20_261_207, penalty: Double = 1) -> LeadOutcomeModel {
        guard features.count == converted.count else {
            return LeadOutcomeModel(
                regression: nil, quality: nil, reliability: [], trainingCount: 0, heldOutCount: 0, refusal: "the features and outcomes differ in count")
        }
        let yes = converted.filter { $0 }.count
        let no = converted.count - yes
        guard yes >= minimumPerOutcome, no >= minimumPerOutcome else {
            return LeadOutcomeModel(
                regression: nil, quality: nil, reliability: [], trainingCount: 0, heldOutCount: 0,
                refusal: "needs at least \(minimumPerOutcome) closed leads of each outcome (has \(yes) won, \(no) not)")
        }
        let split = HoldoutSplit(count: features.count, heldOutFraction: 0.2, seed: seed)
        guard let regression = LogisticRegression.fit(
            rows: split.training.map { features[$0] }, outcomes: split.training.map { converted[$0] }, penalty: penalty)
        else {
            return LeadOutcomeModel(
                regression: nil, quality: nil, reliability: [], trainingCount: split.training.count, heldOutCount: split.heldOut.count,
                refusal: "the fit failed")
        }
        let probabilities = split.heldOut.map { regression.probability(features[$0]) }
        let outcomes = split.heldOut.map { converted[$0] }
        let quality = RankingQuality(scores: probabilities, outcomes: outcomes)
        let reliability = ReliabilityBin.table(probabilities: probabilities, outcomes: outcomes)
        var refusal: String?
        if !regression.converged {
            refusal = "the fit did not converge in \(regression.iterations) steps"
        } else if let quality, !quality.beatsChance {
            refusal = "ranks no better than chance on the held-out leads (AUC \(quality.auc), interval down to \(quality.interval.lower))"
        } else if quality == nil {
            refusal = "the held-out leads hold only one outcome"
        }
        return LeadOutcomeModel(
            regression: regression, quality: quality, reliability: reliability, trainingCount: split.training.count,
            heldOutCount: split.heldOut.count, refusal: refusal)
    }
}
