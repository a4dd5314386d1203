/// What one user did in the dashboard's window: tasks completed (calls, e-mails, meetings,
/// to-dos), deals moved from stage to stage, and deals they own that were won.
public struct SalesRepActivity: Sendable, Equatable {
    public var userID: String
    public var tasksDone: Int
    public var dealMoves: Int
    public var dealsWon: Int

    public init(userID: String, tasksDone: Int = 0, dealMoves: Int = 0, dealsWon: Int = 0) {
        self.userID = userID
        self.tasksDone = tasksDone
        self.dealMoves = dealMoves
        self.dealsWon = dealsWon
    }

    /// Tasks done and deal moves: the activities counted.
    public var activities: Int { tasksDone + dealMoves }
}
