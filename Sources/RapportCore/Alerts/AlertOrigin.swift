import Foundation

/// What makes an alert, once: the record and the moment it is about, so a record moved to a new
/// moment alerts again and a sweep run twice does not.
enum AlertOrigin {
    static func taskReminder(_ task: WorkTask, at moment: Date) -> String { "task.remind:\(task.id):\(Timestamp.microseconds(moment))" }
    static func taskDue(_ task: WorkTask, at moment: Date) -> String { "task.due:\(task.id):\(Timestamp.microseconds(moment))" }
    /// One per stay in a stage: the deal and when it entered the stage.
    static func dealStuck(_ deal: Deal) -> String { "deal.stuck:\(deal.id):\(Timestamp.microseconds(deal.stageEnteredAt))" }
    static func meetingSoon(_ meeting: Meeting) -> String { "meeting.soon:\(meeting.id):\(Timestamp.microseconds(meeting.startsAt))" }
    static func complaint(conversationID: String) -> String { "complaint:\(conversationID)" }
    /// One per crossing: the lead and when its score rose to the hot score.
    static func leadHot(_ lead: Lead, at moment: Date) -> String { "lead.hot:\(lead.id):\(Timestamp.microseconds(moment))" }
}
