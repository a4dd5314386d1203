import Foundation
import RapportLearning
import Testing

/// The logistic regression behind the predictive lead score: a stable sigmoid, coefficients
/// recovered from a simulation, Newton's answer at the penalised likelihood's maximum (its
/// gradient zero by central differences); the AUC and its Hanley–McNeil error worked by hand;
/// the reliability table and the seeded split.
@Suite("Logistic regression, AUC, reliability")
struct LogisticRegressionTests {
    /// Rows x₁ ~ N(0, 1), x₂ ~ Bernoulli(0.3); yes with probability σ(−1 + 1.5 x₁ − 2 x₂).
    static func simulate(_ count: Int, seed: UInt64) -> (rows: [[Double]], outcomes: [Bool]) {
        var generator = SeededGenerator(seed: seed)
        var rows: [[Double]] = []
        var outcomes: [Bool] = []
        for _ in 0..<count {
            let x1 = RandomDraws.normal(&generator)
            let x2: Double = RandomDraws.unit(&generator) < 0.3 ? 1 : 0
            rows.append([x1, x2])
            outcomes.append(RandomDraws.unit(&generator) < Logistic.sigmoid(-1 + 1.5 * x1 - 2 * x2))
        }
        return (rows, outcomes)
    }

    @Test("the sigmoid and softplus stay finite and exact far from zero")
    func stableFunctions() {
        #expect(Logistic.sigmoid(-800) == 0 && Logistic.sigmoid(800) == 1 && Logistic.sigmoid(0) == 0.5)
        #expect(abs(Logistic.sigmoid(-30) - exp(-30)) < 1e-25, "no cancellation for large negative inputs")
        #expect(Logistic.sigmoid(-740) > 0, "e^740 overflows: the naive 1 / (1 + e^−x) would give 0")
        #expect(Logistic.softplus(1000) == 1000 && Logistic.softplus(-1000) == 0 && abs(Logistic.softplus(0) - log(2)) < 1e-15)
    }

    @Test("Newton's method recovers the simulated coefficients, and stops at the penalised likelihood's maximum")
    func recoversCoefficients() throws {
        let (rows, outcomes) = Self.simulate(20_000, seed: 7)
        let fitted = try #require(LogisticRegression.fit(rows: rows, outcomes: outcomes, penalty: 1e-6))
        #expect(fitted.converged && fitted.iterations < 15, "\(fitted)")
        #expect(abs(fitted.intercept - -1) < 0.1 && abs(fitted.weights[0] - 1.5) < 0.1 && abs(fitted.weights[1] - -2) < 0.15, "\(fitted)")

        // With a real penalty, the gradient of the penalised log-likelihood is zero at the answer.
        let penalty = 5.0
        let penalised = try #require(LogisticRegression.fit(rows: Array(rows.prefix(2_000)), outcomes: Array(outcomes.prefix(2_000)), penalty: penalty))
        let parameters = [penalised.intercept] + penalised.weights
        for index in parameters.indices {
            let step = 1e-5
            var up = parameters
            var down = parameters
            up[index] += step
            down[index] -= step
            let value = { (p: [Double]) in
                LogisticRegression.penalisedLogLikelihood(
                    intercept: p[0], weights: Array(p[1...]), rows: Array(rows.prefix(2_000)), outcomes: Array(outcomes.prefix(2_000)), penalty: penalty)
            }
            let slope = (value(up) - value(down)) / (2 * step)
            #expect(abs(slope) < 1e-4, "parameter \(index): slope \(slope)")
        }
        let unpenalised = try #require(LogisticRegression.fit(rows: Array(rows.prefix(2_000)), outcomes: Array(outcomes.prefix(2_000)), penalty: 1e-6))
        #expect(abs(penalised.weights[0]) < abs(unpenalised.weights[0]) && abs(penalised.weights[1]) < abs(unpenalised.weights[1]), "the penalty shrinks the weights")
        #expect(LogisticRegression.fit(rows: [], outcomes: []) == nil)
        #expect(LogisticRegression.fit(rows: rows, outcomes: outcomes, penalty: 0) == nil, "a penalty must be positive")
        let cut = try #require(LogisticRegression.fit(rows: rows, outcomes: outcomes, maximumIterations: 1))
        #expect(!cut.converged && cut.iterations == 1)
        #expect(LogisticRegression.fit(rows: [[1], [1, 2]], outcomes: [true, false]) == nil)
    }

    @Test("the AUC is the Mann–Whitney statistic (ties half), with Hanley and McNeil's standard error")
    func rankingQuality() throws {
        // The classic four: 3 of the 4 yes/no pairs in order.
        let four = try #require(RankingQuality(scores: [0.1, 0.4, 0.35, 0.8], outcomes: [false, false, true, true]))
        #expect(four.auc == 0.75 && four.positives == 2 && four.negatives == 2)
        // Q1 = 0.75 / 1.25 = 0.6, Q2 = 2 · 0.5625 / 1.75; variance = (0.1875 + (0.6 − 0.5625) + (Q2 − 0.5625)) / 4.
        let q2 = 2 * 0.5625 / 1.75
        let expected = ((0.1875 + (0.6 - 0.5625) + (q2 - 0.5625)) / 4).squareRoot()
        #expect(abs(four.interval.standardError - expected) < 1e-12)
        #expect(!four.beatsChance, "four examples prove nothing")
        // Unbalanced, so Q1 and Q2 weigh differently: yes {0.1, 0.4, 0.5}, no {0.3}: A = 2/3,
        // Q1 = 1/2 (times m − 1 = 2), Q2 = 8/15 (times n − 1 = 0); variance (2/9 + 2 · 1/18) / 3 = 1/9.
        let unbalanced = try #require(RankingQuality(scores: [0.1, 0.4, 0.5, 0.3], outcomes: [true, true, true, false]))
        #expect(abs(unbalanced.auc - 2.0 / 3) < 1e-15 && abs(unbalanced.interval.standardError - 1.0 / 3) < 1e-12, "\(unbalanced)")
        #expect(RankingQuality(scores: [.nan, 0.2], outcomes: [true, false]) == nil)
        #expect(try #require(RankingQuality(scores: [0.5, 0.5, 0.2], outcomes: [true, false, false])).auc == 0.75, "a tie counts half")
        #expect(RankingQuality(scores: [0.1, 0.2], outcomes: [true, true]) == nil)

        let (rows, outcomes) = Self.simulate(5_000, seed: 11)
        let truth = rows.map { Logistic.sigmoid(-1 + 1.5 * $0[0] - 2 * $0[1]) }
        let quality = try #require(RankingQuality(scores: truth, outcomes: outcomes))
        #expect(quality.auc > 0.8 && quality.beatsChance && quality.interval.upper - quality.interval.lower < 0.05, "\(quality)")
        let noise = try #require(RankingQuality(scores: rows.map { _ in 0.5 }, outcomes: outcomes))
        #expect(noise.auc == 0.5 && !noise.beatsChance)
    }

    @Test("the reliability table cuts the examples into deciles by probability; the split is seeded, disjoint and whole")
    func reliabilityAndSplit() {
        let probabilities = (0..<23).map { Double($0) / 23 }
        let outcomes = probabilities.map { $0 > 0.5 }
        let table = ReliabilityBin.table(probabilities: probabilities, outcomes: outcomes)
        #expect(table.count == 10 && table.map(\.count) == [3, 3, 3, 2, 2, 2, 2, 2, 2, 2])
        #expect(table.first?.observed == 0 && table.last?.observed == 1 && abs((table.first?.predicted ?? 0) - 1.0 / 23) < 1e-12)
        #expect(ReliabilityBin.table(probabilities: [], outcomes: []).isEmpty)

        let split = HoldoutSplit(count: 1_000, seed: 3)
        #expect(split == HoldoutSplit(count: 1_000, seed: 3) && split != HoldoutSplit(count: 1_000, seed: 4))
        #expect(split.heldOut.count == 200 && Set(split.training).isDisjoint(with: split.heldOut) && Set(split.training + split.heldOut) == Set(0..<1_000))
    }
}
