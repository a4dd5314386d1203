import Foundation
import RapportLearning

/// Seeded simulated leads for the scoring bench and the tests: their facts, and a history of
/// closed leads whose chance of a won deal rises with pricing-page views, e-mails opened and a
/// large company, and falls for a small one.
public enum LeadScoringSimulation {
    /// The true model of `history` (intercept, then the weights of its four features).
    public static let truth = (intercept: -2.2, weights: [1.3, 0.4, -0.6, 1.1])

    /// Closed leads: features log(1 + pricing-page views), log(1 + e-mails opened), a small
    /// company (1–50 people), a large one (201+); converted drawn from the true model, or with
    /// a constant chance when `signal` is false.
    public static func history(_ count: Int, seed: UInt64, signal: Bool = true) -> (features: [[Double]], converted: [Bool]) {
        var generator = SeededGenerator(seed: seed)
        var features: [[Double]] = []
        var converted: [Bool] = []
        features.reserveCapacity(count)
        converted.reserveCapacity(count)
        for _ in 0..<count {
            let views = Double(Int(RandomDraws.exponential(rate: 0.5, &generator)))
            let opens = Double(Int(RandomDraws.exponential(rate: 0.3, &generator)))
            let size = RandomDraws.unit(&generator)
            let row = [log1p(views), log1p(opens), size < 0.5 ? 1 : 0, size > 0.8 ? 1 : 0]
            var z = truth.intercept
            for (weight, value) in zip(truth.weights, row) { z += weight * value }
            features.append(row)
            converted.append(RandomDraws.unit(&generator) < Logistic.sigmoid(signal ? z : -1))
        }
        return (features, converted)
    }

    /// Facts of `leads` leads in lead order, as columns: up to 11 a lead (5.5 on average), fit
    /// facts without a half-life and engagement ones fading over 7, 14 or 30 days, up to 180
    /// days old.
    public static func facts(leads: Int, seed: UInt64) -> (leads: [Int32], points: [Float], ageDays: [Float], halfLifeDays: [Float]) {
        var generator = SeededGenerator(seed: seed)
        var owners: [Int32] = []
        var points: [Float] = []
        var ages: [Float] = []
        var halfLives: [Float] = []
        let expected = leads * 6
        owners.reserveCapacity(expected)
        points.reserveCapacity(expected)
        ages.reserveCapacity(expected)
        halfLives.reserveCapacity(expected)
        let lives: [Float] = [0, 7, 14, 30]
        for lead in 0..<leads {
            for _ in 0..<Int(generator.next() % 12) {
                owners.append(Int32(lead))
                let life = lives[Int(generator.next() % 4)]
                points.append(life == 0 ? 20 : Float(1 + generator.next() % 10))
                ages.append(Float(RandomDraws.unit(&generator) * 180))
                halfLives.append(life)
            }
        }
        return (owners, points, ages, halfLives)
    }
}
