import Foundation
import RapportCore

/// One kind of survey in figures: overall, per agent (and `bot`), per team.
struct SurveyFiguresResponse: Encodable {
    struct Figures: Encodable {
        let sent: Int
        let answered: Int
        let responseRate: Double?
        /// NPS: −100…100; CSAT, CES: the positive share in percent.
        let score: Double?
        let marginOfError: Double?
        let interval: [Double]?
        let ifEveryoneAnswered: [Double]?
        let average: Double?
        let positive: Int
        let neutral: Int
        let negative: Int
        let distribution: [String: Int]

        init(_ figures: SurveyFigures) {
            sent = figures.sent
            answered = figures.answered
            responseRate = figures.responseRate.map(Self.rounded)
            score = figures.score.map(Self.rounded)
            marginOfError = figures.marginOfError.map(Self.rounded)
            interval = figures.interval.map { [Self.rounded($0.lowerBound), Self.rounded($0.upperBound)] }
            ifEveryoneAnswered = figures.ifEveryoneAnswered.map { [Self.rounded($0.lowerBound), Self.rounded($0.upperBound)] }
            average = figures.average.map(Self.rounded)
            positive = figures.positive
            neutral = figures.neutral
            negative = figures.negative
            distribution = Dictionary(uniqueKeysWithValues: figures.distribution.map { (String($0.key), $0.value) })
        }

        static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }

    let object = "survey_figures"
    let kind: String
    let from: String
    let to: String
    let overall: Figures
    let byHandler: [String: Figures]
    let byTeam: [String: Figures]

    init(_ breakdown: SurveyBreakdown) {
        kind = breakdown.overall.kind.rawValue
        from = Timestamp.iso8601(breakdown.from)
        to = Timestamp.iso8601(breakdown.to)
        overall = Figures(breakdown.overall)
        byHandler = breakdown.byHandler.mapValues(Figures.init)
        byTeam = breakdown.byTeam.mapValues(Figures.init)
    }
}
