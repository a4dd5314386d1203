import Foundation

/// The manager's view of the team over a range of days (UTC): what is waiting now, what came
/// in and was resolved, how fast the first answer and the resolution came, SLA misses, and the
/// same per channel, per agent and per day.
public struct TeamDashboard: Sendable, Equatable {
    public struct ChannelFigures: Sendable, Equatable {
        public var channel: InboxChannel
        public var opened: Int
        public var resolved: Int
    }

    public struct AgentFigures: Sendable, Equatable {
        public var agent: User
        public var assigned: Int
        public var resolved: Int
        public var openNow: Int
        public var firstResponse: DurationSummary
        public var resolution: DurationSummary
    }

    public struct Day: Sendable, Equatable {
        public var start: Date
        public var opened: Int
        public var resolved: Int
    }

    public var from: Date
    public var to: Date
    public var waiting: ConversationCounts
    public var openedToday: Int
    public var resolvedToday: Int
    public var opened: Int
    public var resolved: Int
    public var firstResponse: DurationSummary
    public var resolution: DurationSummary
    /// Per kind (`first_response`, `next_response`, `resolution`), among conversations opened in the range.
    public var breaches: [String: Int]
    public var channels: [ChannelFigures]
    public var agents: [AgentFigures]
    public var days: [Day]
    /// The CSAT surveys sent in the range: overall, per agent and the bot, per team.
    public var satisfaction: SurveyBreakdown?
    /// The workspace's teams by id (to name the CSAT per team).
    public var teams: [String: String] = [:]

    /// Figures for `[from, to)` from the conversations opened or resolved in it (and today's).
    public static func compute(
        rows: [ConversationStatsRow], from: Date, to: Date, now: Date, waiting: ConversationCounts, agents: [User],
        openByAgent: [String: Int]
    ) -> TeamDashboard {
        let inRange = { (date: Date?) in date.map { $0 >= from && $0 < to } ?? false }
        let today = Calendar.utc.startOfDay(for: now)
        let openedRows = rows.filter { inRange($0.createdAt) }
        let resolvedRows = rows.filter { inRange($0.resolvedAt) }
        let firstResponses = openedRows.compactMap { row in row.firstResponseAt.map { $0.timeIntervalSince(row.createdAt) } }
        let resolutions = resolvedRows.compactMap { row in row.resolvedAt.map { $0.timeIntervalSince(row.createdAt) } }
        var breaches: [String: Int] = [:]
        for row in openedRows { for kind in row.slaBreaches { breaches[kind, default: 0] += 1 } }
        let channels = InboxChannel.allCases.compactMap { channel -> ChannelFigures? in
            let opened = openedRows.count { $0.channel == channel }
            let resolved = resolvedRows.count { $0.channel == channel }
            return opened + resolved == 0 ? nil : ChannelFigures(channel: channel, opened: opened, resolved: resolved)
        }
        let people = agents.filter { $0.role != .marketer }.map { agent in
            let assigned = openedRows.filter { $0.assigneeID == agent.id }
            let done = resolvedRows.filter { $0.assigneeID == agent.id }
            return AgentFigures(
                agent: agent, assigned: assigned.count, resolved: done.count, openNow: openByAgent[agent.id] ?? 0,
                firstResponse: DurationSummary(assigned.compactMap { row in row.firstResponseAt.map { $0.timeIntervalSince(row.createdAt) } }),
                resolution: DurationSummary(done.compactMap { row in row.resolvedAt.map { $0.timeIntervalSince(row.createdAt) } }))
        }
        let firstDay = Calendar.utc.startOfDay(for: from)
        let dayCount = min(Int((to.timeIntervalSince(firstDay) / 86_400).rounded(.up)), 366)
        var days = (0..<max(dayCount, 0)).map { Day(start: firstDay.addingTimeInterval(Double($0) * 86_400), opened: 0, resolved: 0) }
        func day(of date: Date?) -> Int? {
            guard let date else { return nil }
            let index = Int((date.timeIntervalSince(firstDay) / 86_400).rounded(.down))
            return days.indices.contains(index) && date < to ? index : nil
        }
        for row in rows {
            if let index = day(of: row.createdAt) { days[index].opened += 1 }
            if let index = day(of: row.resolvedAt) { days[index].resolved += 1 }
        }
        return TeamDashboard(
            from: from, to: to, waiting: waiting, openedToday: rows.count { $0.createdAt >= today },
            resolvedToday: rows.count { ($0.resolvedAt ?? .distantPast) >= today }, opened: openedRows.count, resolved: resolvedRows.count,
            firstResponse: DurationSummary(firstResponses), resolution: DurationSummary(resolutions), breaches: breaches,
            channels: channels, agents: people, days: days)
    }
}
