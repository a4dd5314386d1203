/// How many surveys of one kind, handled by one agent (or the bot) in one team, got one
/// score (nil: not answered). What the store counts; `SurveyFigures` reads them.
public struct SurveyTally: Sendable, Equatable {
    public var handledBy: String?
    public var teamID: String?
    public var score: Int?
    public var count: Int

    public init(handledBy: String?, teamID: String?, score: Int?, count: Int) {
        self.handledBy = handledBy
        self.teamID = teamID
        self.score = score
        self.count = count
    }
}
