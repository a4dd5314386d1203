import Foundation

/// One kind of survey over a period, in figures: how many went and were answered, the score
/// (NPS −100…100; CSAT and CES the share of positive answers, in percent), and how far to
/// trust it.
///
/// `marginOfError` is the 95% interval's half-width from sampling: for NPS from the variance
/// of a −1/0/+1 answer, P + D − (P − D)²; for the others the binomial p(1 − p). The shares
/// in the variance are taken with one pseudo-answer per category (NPS) or two per side
/// (Agresti–Coull), so that ten answers all alike do not claim a margin of zero. The surveys
/// sent are the whole population the answers sample, so the margin shrinks by the finite
/// population correction √((N − n) ÷ (N − 1)) as the response rate rises, and `interval`
/// never leaves `ifEveryoneAnswered`: what the score would be if every unanswered survey had
/// come back at either extreme. With few answers a +50 can stand for anything down to a
/// negative score, which is why the response rate is shown beside it.
public struct SurveyFigures: Sendable, Equatable {
    /// The normal distribution's 97.5th percentile.
    static let z95 = 1.959964

    public var kind: SurveyKind
    public var sent: Int
    public var answered: Int
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    public var distribution: [Int: Int]

    public init(kind: SurveyKind, tallies: [SurveyTally]) {
        self.kind = kind
        var distribution: [Int: Int] = [:]
        var sent = 0
        for tally in tallies {
            sent += tally.count
            if let score = tally.score { distribution[score, default: 0] += tally.count }
        }
        self.sent = sent
        self.distribution = distribution
        answered = distribution.values.reduce(0, +)
        positive = distribution.filter { kind.isPositive($0.key) }.values.reduce(0, +)
        negative = distribution.filter { kind.isNegative($0.key) }.values.reduce(0, +)
        neutral = answered - positive - negative
    }

    public var responseRate: Double? { sent == 0 ? nil : Double(answered) / Double(sent) }

    /// NPS: promoters' share less detractors', in points; CSAT and CES: the positive share, in percent.
    public var score: Double? {
        guard answered > 0 else { return nil }
        return kind == .nps ? 100 * Double(positive - negative) / Double(answered) : 100 * Double(positive) / Double(answered)
    }

    public var marginOfError: Double? {
        guard answered > 1 else { return nil }
        let n = Double(answered)
        let variance: Double
        if kind == .nps {
            let (p, d) = ((Double(positive) + 1) / (n + 3), (Double(negative) + 1) / (n + 3))
            variance = p + d - (p - d) * (p - d)
        } else {
            let p = (Double(positive) + 2) / (n + 4)
            variance = p * (1 - p)
        }
        let population = Double(max(sent, answered))
        let correction = population > 1 ? ((population - n) / (population - 1)).squareRoot() : 0
        return 100 * Self.z95 * (variance / n).squareRoot() * correction
    }

    public var interval: ClosedRange<Double>? {
        guard let score, let marginOfError, let bounds = ifEveryoneAnswered else { return nil }
        return max(bounds.lowerBound, score - marginOfError)...min(bounds.upperBound, score + marginOfError)
    }

    /// The score had every unanswered survey come back negative, and positive.
    public var ifEveryoneAnswered: ClosedRange<Double>? {
        guard sent > 0, answered > 0 else { return nil }
        let silent = Double(sent - answered)
        let total = Double(sent)
        if kind == .nps {
            return 100 * (Double(positive - negative) - silent) / total...100 * (Double(positive - negative) + silent) / total
        }
        return 100 * Double(positive) / total...100 * (Double(positive) + silent) / total
    }

    /// Mean score of the answers.
    public var average: Double? {
        guard answered > 0 else { return nil }
        return Double(distribution.reduce(0) { $0 + $1.key * $1.value }) / Double(answered)
    }
}
