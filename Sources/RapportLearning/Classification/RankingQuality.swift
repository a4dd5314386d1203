import Foundation

/// How well scores rank the yeses above the noes: the area under the ROC curve, read as the
/// Mann–Whitney statistic (the chance that a random yes scores above a random no, ties
/// counting half), with Hanley and McNeil's (1982) standard error and a normal interval.
public struct RankingQuality: Sendable, Equatable {
    public var auc: Double
    public var interval: ConfidenceInterval
    public var positives: Int
    public var negatives: Int

    /// Nil without at least one yes and one no, or with a score that is not a finite number.
    /// Hanley and McNeil's error assumes continuous scores: with many ties it is an
    /// approximation.
    public init?(scores: [Double], outcomes: [Bool], confidence: Double = 0.95) {
        guard scores.count == outcomes.count, scores.allSatisfy(\.isFinite) else { return nil }
        let positives = outcomes.filter { $0 }.count
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        // Mid-ranks of the scores (ties share the mean of their ranks), then the yeses' rank sum.
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let midRank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = midRank }
            start = end + 1
        }
        var rankSum = 0.0
        for (rank, outcome) in zip(ranks, outcomes) where outcome { rankSum += rank }
        let (m, n) = (Double(positives), Double(negatives))
        let auc = (rankSum - m * (m + 1) / 2) / (m * n)
        let q1 = auc / (2 - auc)
        let q2 = 2 * auc * auc / (1 + auc)
        let variance = max((auc * (1 - auc) + (m - 1) * (q1 - auc * auc) + (n - 1) * (q2 - auc * auc)) / (m * n), 0)
        guard let interval = ConfidenceInterval(estimate: auc, standardError: variance.squareRoot(), confidence: confidence) else { return nil }
        self.auc = auc
        self.interval = interval
        self.positives = positives
        self.negatives = negatives
    }

    /// Whether the scores rank better than chance: the interval's lower end is above 0.5.
    public var beatsChance: Bool { interval.lower > 0.5 }
}
