import Foundation
import RapportCore
import RapportLearning
import Testing

/// Lead scoring: rule points fading by their half-life, many leads scored in one pass over
/// their facts as each alone would be, and the learned model's held-out AUC on a simulated
/// history (used only when it beats chance and has enough of each outcome).
@Suite("Lead scoring")
struct LeadScoringTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("points halve every half-life; a fit keeps its points; a fact dated later counts whole")
    func decay() {
        let visit = LeadScoreFact(points: 10, occurredAt: Self.now.addingTimeInterval(-14 * 86_400), halfLifeDays: 7)
        #expect(abs(visit.worth(at: Self.now) - 2.5) < 1e-12)
        let fit = LeadScoreFact(points: 20, occurredAt: Self.now.addingTimeInterval(-400 * 86_400))
        #expect(fit.worth(at: Self.now) == 20)
        #expect(LeadScoreFact(points: 5, occurredAt: Self.now.addingTimeInterval(3_600), halfLifeDays: 7).worth(at: Self.now) == 5)
        #expect(abs(LeadRuleScoring.score([visit, fit], at: Self.now) - 22.5) < 1e-12)
    }

    @Test("the columnar pass gives each lead the score its facts give alone")
    func columnar() {
        let facts: [(lead: Int32, fact: LeadScoreFact)] = [
            (0, LeadScoreFact(points: 10, occurredAt: Self.now.addingTimeInterval(-3 * 86_400), halfLifeDays: 7)),
            (0, LeadScoreFact(points: 20, occurredAt: Self.now)),
            (2, LeadScoreFact(points: 8, occurredAt: Self.now.addingTimeInterval(-45 * 86_400), halfLifeDays: 30)),
            (2, LeadScoreFact(points: 4, occurredAt: Self.now.addingTimeInterval(2 * 86_400), halfLifeDays: 30)),
        ]
        let scores = LeadRuleScoring.scores(
            leadCount: 3, leads: facts.map(\.lead), points: facts.map { Float($0.fact.points) },
            ageDays: facts.map { Float(Self.now.timeIntervalSince($0.fact.occurredAt) / 86_400) }, halfLifeDays: facts.map { Float($0.fact.halfLifeDays ?? 0) })
        // 10 · 2^(−3/7) + 20 and 8 · 2^(−1.5) + 4 (a fact dated later counts whole).
        #expect(abs(scores[0] - (10 * exp2(-3.0 / 7) + 20)) < 1e-5 && scores[1] == 0 && abs(scores[2] - (8 * exp2(-1.5) + 4)) < 1e-5, "\(scores)")

        // A thousand simulated leads: the pass agrees with each lead's facts scored alone.
        let simulated = LeadScoringSimulation.facts(leads: 1_000, seed: 3)
        let columns = LeadRuleScoring.scores(
            leadCount: 1_000, leads: simulated.leads, points: simulated.points, ageDays: simulated.ageDays, halfLifeDays: simulated.halfLifeDays)
        var alone = [[LeadScoreFact]](repeating: [], count: 1_000)
        for index in simulated.leads.indices {
            let life = Double(simulated.halfLifeDays[index])
            alone[Int(simulated.leads[index])].append(LeadScoreFact(
                points: Double(simulated.points[index]), occurredAt: Self.now.addingTimeInterval(-Double(simulated.ageDays[index]) * 86_400),
                halfLifeDays: life > 0 ? life : nil))
        }
        for lead in 0..<1_000 {
            let expected = LeadRuleScoring.score(alone[lead], at: Self.now)
            #expect(abs(columns[lead] - expected) <= 1e-6 * max(1, expected), "lead \(lead): \(columns[lead]) against \(expected)")
        }
    }

    @Test("the learned model ranks held-out leads well above chance on a simulated history, calibrated by decile; noise and thin histories are refused")
    func learnedModel() throws {
        let (features, converted) = LeadScoringSimulation.history(5_000, seed: 20_261_207)
        let model = LeadOutcomeModel.learn(features: features, converted: converted)
        let quality = try #require(model.quality)
        #expect(model.isUsable && model.trainingCount == 4_000 && model.heldOutCount == 1_000)
        #expect(quality.auc > 0.72 && quality.interval.lower > 0.68, "\(quality)")
        let weights = try #require(model.regression?.weights)
        for (fitted, truth) in zip(weights, LeadScoringSimulation.truth.weights) {
            #expect(abs(fitted - truth) < 0.3, "the fitted weights follow the simulation's: \(weights)")
        }
        #expect(model.reliability.count == 10)
        for bin in model.reliability {
            // Calibrated: the observed rate within three binomial standard errors (and a little) of the predicted one.
            let spread = 3 * (bin.predicted * (1 - bin.predicted) / Double(bin.count)).squareRoot() + 0.02
            #expect(abs(bin.predicted - bin.observed) < spread, "calibrated within a decile: \(bin)")
        }

        let (noise, noiseOutcomes) = LeadScoringSimulation.history(2_000, seed: 5, signal: false)
        let refused = LeadOutcomeModel.learn(features: noise, converted: noiseOutcomes)
        #expect(!refused.isUsable && refused.refusal?.contains("chance") == true, "\(String(describing: refused.refusal))")
        let thin = LeadOutcomeModel.learn(features: Array(features.prefix(60)), converted: Array(converted.prefix(60)))
        #expect(!thin.isUsable && thin.refusal?.contains("at least 50") == true)
    }
}
