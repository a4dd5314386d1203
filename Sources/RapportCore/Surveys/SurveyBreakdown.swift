import Foundation

/// One kind of survey's figures for the whole store and split by who handled the rated
/// conversation (each agent, and the bot as `bot`) and by team: CSAT per agent, team and bot.
/// Of the surveys sent in `[from, to)`.
public struct SurveyBreakdown: Sendable, Equatable {
    public var from: Date
    public var to: Date
    public var overall: SurveyFigures
    public var byHandler: [String: SurveyFigures]
    public var byTeam: [String: SurveyFigures]

    public init(kind: SurveyKind, tallies: [SurveyTally], from: Date, to: Date) {
        self.from = from
        self.to = to
        overall = SurveyFigures(kind: kind, tallies: tallies)
        byHandler = Dictionary(grouping: tallies.filter { $0.handledBy != nil }) { $0.handledBy! }
            .mapValues { SurveyFigures(kind: kind, tallies: $0) }
        byTeam = Dictionary(grouping: tallies.filter { $0.teamID != nil }) { $0.teamID! }
            .mapValues { SurveyFigures(kind: kind, tallies: $0) }
    }
}
