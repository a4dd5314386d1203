import Foundation

/// The team dashboard: managers and admins only.
extension ConversationService {
    /// Reports cover at most a year.
    public static let longestReport: TimeInterval = 366 * 86_400

    /// Figures for the days from `from` up to (not including) `to`, and today's.
    public func dashboard(from: Date, to: Date, as actor: Actor) async throws -> TeamDashboard {
        try actor.require(.viewDashboard)
        guard from < to else { throw RapportError.invalid(field: "to", "must be after from") }
        guard to.timeIntervalSince(from) <= Self.longestReport else { throw RapportError.invalid(field: "from", "a report covers at most 366 days") }
        let now = clock.now()
        let today = Calendar.utc.startOfDay(for: now)
        let workspaceID = actor.workspaceID
        let (rows, waiting, open, agents, csat, teams) = try await store.read { session in
            let rows = try await session.conversations.statsRows(
                workspaceID: workspaceID, from: min(from, today), to: max(to, now.addingTimeInterval(1)))
            let waiting = try await session.conversations.counts(filter: ConversationFilter(), userID: nil, workspaceID: workspaceID)
            let open = try await session.conversations.openByAssignee(workspaceID: workspaceID)
            let csat = try await session.surveys.tallies(kind: .csat, workspaceID: workspaceID, from: from, to: to)
            let teams = try await session.inboxes.teams(workspaceID: workspaceID)
            return (rows, waiting, open, try await session.inboxes.agents(workspaceID: workspaceID), csat, teams)
        }
        var board = TeamDashboard.compute(rows: rows, from: from, to: to, now: now, waiting: waiting, agents: agents, openByAgent: open)
        board.satisfaction = csat.isEmpty ? nil : SurveyBreakdown(kind: .csat, tallies: csat, from: from, to: to)
        board.teams = Dictionary(teams.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return board
    }
}
