import Foundation

/// A pipeline's figures over a window of days, for managers: its value by stage now (the kept
/// totals), the deals closed in the window (win rate, average won deal, median cycle from made
/// to won), each open stage's conversion and velocity from the stage moves in the window, and
/// each user's activities; and the calendar month so far (UTC) against the pipeline's monthly
/// target: what it won, and the forecast (what it won plus the weighted open deals expected to
/// close by the month's end, overdue ones included). Money is in the pipeline's currency;
/// closed deals in another currency count towards the rates but not the amounts.
public struct SalesDashboard: Sendable, Equatable {
    public static let defaultDays = 90
    public static let maximumDays = 365

    public var overview: PipelineOverview
    public var since: Date
    public var until: Date
    public var won: Int
    public var lost: Int
    /// Won deals in the pipeline's currency, summed, and their mean (rounded down).
    public var wonAmount: Int64
    public var averageWon: Int64?
    /// The median of made-to-won, in days.
    public var medianCycleDays: Double?
    public var stages: [SalesStageFlow]
    /// Everyone with an activity or a won deal in the window, busiest first.
    public var reps: [SalesRepActivity]
    public var monthStart: Date
    /// The last day of the month (`2026-12-31`).
    public var monthEnd: String
    public var monthlyTarget: Int64?
    public var wonThisMonth: Int64
    public var monthForecast: Int64

    /// The forecast as a share of the target, nil without one.
    public var targetShare: Double? {
        guard let monthlyTarget, monthlyTarget > 0 else { return nil }
        return Double(monthForecast) / Double(monthlyTarget)
    }

    /// The first moment and the last day of the UTC calendar month of `moment`.
    public static func month(of moment: Date) -> (start: Date, lastDay: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: calendar.dateComponents([.year, .month], from: moment)) ?? moment
        let next = calendar.date(byAdding: .month, value: 1, to: start) ?? moment
        let last = calendar.dateComponents([.year, .month, .day], from: next.addingTimeInterval(-86_400))
        return (start, String(format: "%04d-%02d-%02d", last.year ?? 0, last.month ?? 0, last.day ?? 0))
    }

    /// `won ÷ (won + lost)`, nil while nothing closed.
    public var winRate: Double? {
        won + lost == 0 ? nil : Double(won) / Double(won + lost)
    }

    /// The figures from what the store read: the deals closed from the window's start or the
    /// month's, whichever is first; the pipeline's stage moves in the window; the tasks completed
    /// in it by actor label (`user:usr_…`); the open deals expected to close by the month's end,
    /// per stage and currency.
    public static func compute(
        overview: PipelineOverview, outcomes: [DealOutcome], moves: [DealStageMove], tasksDone: [String: Int], closingThisMonth: [PipelineStageTotal],
        since: Date, until: Date
    ) -> SalesDashboard {
        let currency = overview.pipeline.currency
        let month = month(of: until)
        let wonThisMonth = outcomes.filter { $0.status == .won && $0.currency == currency && $0.closedAt >= month.start }.map(\.amount).saturatingSum
        let stages = Dictionary(overview.pipeline.stages.map { ($0.id, $0) }) { first, _ in first }
        let weightedOpen = closingThisMonth.filter { $0.currency == currency }.compactMap { total in
            stages[total.stageID].map { $0.kind == .open ? $0.weighted(total.amount) : 0 }
        }.saturatingSum
        let inWindow = outcomes.filter { $0.closedAt >= since }
        let wonDeals = inWindow.filter { $0.status == .won }
        let counted = wonDeals.filter { $0.currency == currency }
        let wonAmount = counted.map(\.amount).saturatingSum
        let cycles = wonDeals.map { $0.closedAt.timeIntervalSince($0.createdAt) / 86_400 }.sorted()
        let median: Double? = cycles.isEmpty ? nil
            : cycles.count % 2 == 1 ? cycles[cycles.count / 2] : (cycles[cycles.count / 2 - 1] + cycles[cycles.count / 2]) / 2
        var reps: [String: SalesRepActivity] = [:]
        for (label, count) in tasksDone {
            guard let userID = userID(label) else { continue }
            reps[userID, default: SalesRepActivity(userID: userID)].tasksDone += count
        }
        for move in moves where move.fromStageID != nil {
            guard let userID = userID(move.movedBy) else { continue }
            reps[userID, default: SalesRepActivity(userID: userID)].dealMoves += 1
        }
        for deal in wonDeals {
            guard let owner = deal.ownerID else { continue }
            reps[owner, default: SalesRepActivity(userID: owner)].dealsWon += 1
        }
        return SalesDashboard(
            overview: overview, since: since, until: until, won: wonDeals.count, lost: inWindow.filter { $0.status == .lost }.count,
            wonAmount: wonAmount, averageWon: counted.isEmpty ? nil : wonAmount / Int64(counted.count), medianCycleDays: median,
            stages: flows(of: overview.pipeline, moves: moves),
            reps: reps.values.sorted { ($1.activities, $1.dealsWon, $0.userID) < ($0.activities, $0.dealsWon, $1.userID) },
            monthStart: month.start, monthEnd: month.lastDay, monthlyTarget: overview.pipeline.monthlyTarget, wonThisMonth: wonThisMonth,
            monthForecast: [wonThisMonth, weightedOpen].saturatingSum)
    }

    /// Each open stage's entries, the deals that went on past it, and its finished stays. A deal
    /// entering a stage twice (moved back, reopened) counts once in its entries and each stay
    /// apart; going on means reaching a later open stage or a won one after its first entry.
    static func flows(of pipeline: Pipeline, moves: [DealStageMove]) -> [SalesStageFlow] {
        let rank = Dictionary(pipeline.stages.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let kinds = Dictionary(pipeline.stages.map { ($0.id, $0.kind) }) { first, _ in first }
        let byDeal = Dictionary(grouping: moves, by: \.dealID).mapValues { $0.sorted { ($0.movedAt, $0.id) < ($1.movedAt, $1.id) } }
        var entered: [String: Set<String>] = [:]
        var movedOn: [String: Set<String>] = [:]
        var stays: [String: [Double]] = [:]
        for (dealID, path) in byDeal {
            for (index, move) in path.enumerated() {
                let stageID = move.toStageID
                entered[stageID, default: []].insert(dealID)
                if index + 1 < path.count {
                    stays[stageID, default: []].append(path[index + 1].movedAt.timeIntervalSince(move.movedAt) / 86_400)
                }
                guard let here = rank[stageID], !(movedOn[stageID]?.contains(dealID) ?? false) else { continue }
                let onward = path[(index + 1)...].contains { later in
                    kinds[later.toStageID] == .won || (kinds[later.toStageID] == .open && (rank[later.toStageID] ?? -1) > here)
                }
                if onward { movedOn[stageID, default: []].insert(dealID) }
            }
        }
        return pipeline.stages.filter { $0.kind == .open }.map { stage in
            let finished = stays[stage.id] ?? []
            return SalesStageFlow(
                stage: stage, entered: entered[stage.id]?.count ?? 0, movedOn: movedOn[stage.id]?.count ?? 0, finishedStays: finished.count,
                meanDays: finished.isEmpty ? nil : finished.reduce(0, +) / Double(finished.count))
        }
    }

    private static func userID(_ label: String) -> String? {
        label.hasPrefix("user:") ? String(label.dropFirst(5)) : nil
    }
}
