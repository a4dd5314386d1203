/// What an alert tells a user, and what it is about.
public enum AlertKind: String, Sendable, Equatable, CaseIterable {
    /// A task's reminder time came (`remind_at`).
    case taskReminder = "task_reminder"
    /// An open task passed its due time.
    case taskOverdue = "task_overdue"
    /// A deal sat in its stage longer than the stage's `stuck_after_days`.
    case dealStuck = "deal_stuck"
    /// A meeting the user holds or is asked to starts soon.
    case meetingSoon = "meeting_soon"
    /// A top-spending customer wrote an upset message.
    case complaint
    /// A lead's score rose to the workspace's hot score.
    case leadHot = "lead_hot"

    /// The kind of record the alert names (`subject_type`).
    public var subjectType: String {
        switch self {
        case .taskReminder, .taskOverdue: "task"
        case .dealStuck: "deal"
        case .meetingSoon: "meeting"
        case .complaint: "conversation"
        case .leadHot: "lead"
        }
    }
}
