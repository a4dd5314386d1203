import Foundation

/// What a user has on their plate today (a UTC day, as the team dashboard counts days; users
/// keep no time zone): their open tasks due before the day ends, the overdue ones first, and the
/// meetings they organise or are asked to that start today and are not cancelled. A recurring
/// meeting shows on the day of its first occurrence only: nothing expands occurrences yet.
public struct WorkDay: Sendable, Equatable {
    public static let maximumTasks = 200
    public static let maximumMeetings = 200
    /// How far back an overdue task still shows.
    public static let overdueDays = 30

    public var start: Date
    public var end: Date
    public var tasks: [WorkTask]
    public var meetings: [Meeting]

    /// The day around `now` with what of `tasks` and `meetings` falls in it, tasks soonest due
    /// first and meetings in the order they start.
    public init(at now: Date, tasks: [WorkTask], meetings: [Meeting]) {
        let (start, end) = Self.bounds(at: now)
        self.start = start
        self.end = end
        self.tasks = tasks.filter { task in task.status == .open && (task.dueAt.map { $0 < end } ?? false) }
            .sorted { ($0.dueAt ?? end, $0.id) < ($1.dueAt ?? end, $1.id) }
        self.meetings = meetings.filter { $0.status != .cancelled && $0.startsAt >= start && $0.startsAt < end }
            .sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }
    }

    /// The UTC day holding `now`: its first instant and the first instant of the next day.
    public static func bounds(at now: Date) -> (start: Date, end: Date) {
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        return (start, start.addingTimeInterval(86_400))
    }
}
