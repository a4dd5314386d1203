import Foundation

extension PipelineService {
    /// At most this many stage moves are read for a dashboard (the oldest first); a pipeline
    /// moving more in its window has its conversion and velocity from the earliest of them.
    public static let maximumDashboardMoves = 200_000
    /// At most this many closed deals are read (the latest first).
    public static let maximumDashboardOutcomes = 200_000

    /// The pipeline's sales dashboard over the last `days` days (1 to `SalesDashboard.maximumDays`),
    /// for those who see the team's performance.
    public func dashboard(id: String, days: Int = SalesDashboard.defaultDays, as actor: Actor) async throws -> SalesDashboard {
        try actor.require(.viewDashboard)
        guard (1...SalesDashboard.maximumDays).contains(days) else {
            throw RapportError.invalid(field: "days", "must be a whole number from 1 to \(SalesDashboard.maximumDays)")
        }
        let until = context.clock.now()
        let since = until.addingTimeInterval(-Double(days) * 86_400)
        let month = SalesDashboard.month(of: until)
        return try await store.read { session in
            let pipeline = try await Self.existing(id, workspaceID: actor.workspaceID, session: session)
            let overview = PipelineOverview(pipeline: pipeline, totals: try await session.sales.totals(pipelineID: id, workspaceID: actor.workspaceID))
            let outcomes = try await session.sales.outcomes(pipelineID: id, workspaceID: actor.workspaceID, since: min(since, month.start), until: until, limit: Self.maximumDashboardOutcomes)
            let moves = try await session.sales.moves(
                pipelineID: id, workspaceID: actor.workspaceID, since: since, until: until, limit: Self.maximumDashboardMoves)
            let tasksDone = try await session.tasks.completedCounts(workspaceID: actor.workspaceID, since: since, until: until)
            let closing = try await session.sales.openTotals(pipelineID: id, workspaceID: actor.workspaceID, closingBy: month.lastDay)
            return SalesDashboard.compute(
                overview: overview, outcomes: outcomes, moves: moves, tasksDone: tasksDone, closingThisMonth: closing, since: since, until: until)
        }
    }
}
