import Foundation
import Testing

@testable import RapportCore

/// The sales dashboard's arithmetic: win rate, average won deal and median cycle from the deals
/// closed in the window; each open stage's conversion and velocity from the stage moves, with
/// backward moves and reopened deals; activities per rep; the month against its target. And
/// the day My day shows.
@Suite("Sales dashboard figures")
struct SalesDashboardTests {
    // 2027-01-15 12:00 UTC.
    let now = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 86_400) + 43_200)
    let day = 86_400.0

    func pipeline(target: Int64? = nil) -> Pipeline {
        var pipeline = Pipeline(id: "pip_1", workspaceID: "wks_1", name: "Wholesale", currency: "EUR", monthlyTarget: target, createdBy: "t", createdAt: now, updatedAt: now)
        pipeline.stages = [
            PipelineStage(id: "stg_lead", pipelineID: "pip_1", name: "Lead", position: 0, probability: 10),
            PipelineStage(id: "stg_offer", pipelineID: "pip_1", name: "Offer", position: 1, probability: 50),
            PipelineStage(id: "stg_won", pipelineID: "pip_1", name: "Won", position: 2, probability: 100, kind: .won),
            PipelineStage(id: "stg_lost", pipelineID: "pip_1", name: "Lost", position: 3, probability: 0, kind: .lost),
        ]
        return pipeline
    }

    func move(_ deal: String, _ from: String?, _ to: String, daysAgo: Double, by user: String = "usr_a") -> DealStageMove {
        DealStageMove(
            id: "dsm_\(deal)_\(to)_\(daysAgo)", workspaceID: "wks_1", dealID: deal, pipelineID: "pip_1", fromStageID: from, toStageID: to,
            movedAt: now.addingTimeInterval(-daysAgo * day), movedBy: "user:\(user)")
    }

    func outcome(_ deal: String, _ status: PipelineStageKind, amount: Int64, currency: String = "EUR", owner: String? = "usr_a", madeDaysAgo: Double, closedDaysAgo: Double) -> DealOutcome {
        DealOutcome(
            dealID: deal, status: status, amount: amount, currency: currency, ownerID: owner, createdAt: now.addingTimeInterval(-madeDaysAgo * day),
            closedAt: now.addingTimeInterval(-closedDaysAgo * day))
    }

    @Test("conversion counts each deal once per stage, a later open stage or a win as going on, a move back or a loss not; velocity averages the stays that ended")
    func flows() {
        let moves = [
            // d1: Lead 10 days → Offer 4 days → Won.
            move("d1", nil, "stg_lead", daysAgo: 20), move("d1", "stg_lead", "stg_offer", daysAgo: 10), move("d1", "stg_offer", "stg_won", daysAgo: 6),
            // d2: Lead → Lost after 2 days.
            move("d2", nil, "stg_lead", daysAgo: 8), move("d2", "stg_lead", "stg_lost", daysAgo: 6, by: "usr_b"),
            // d3: Lead → Offer → back to Lead → Offer: entered each once, went on from Lead.
            move("d3", nil, "stg_lead", daysAgo: 9), move("d3", "stg_lead", "stg_offer", daysAgo: 8), move("d3", "stg_offer", "stg_lead", daysAgo: 7),
            move("d3", "stg_lead", "stg_offer", daysAgo: 5),
        ]
        let figures = SalesDashboard.compute(
            overview: PipelineOverview(pipeline: pipeline(), totals: []), outcomes: [], moves: moves, tasksDone: [:], closingThisMonth: [],
            since: now.addingTimeInterval(-90 * day), until: now)
        #expect(figures.stages.map(\.stage.name) == ["Lead", "Offer"], "open stages only")
        let lead = figures.stages[0]
        let offer = figures.stages[1]
        #expect(lead.entered == 3 && lead.movedOn == 2 && lead.conversion == 2.0 / 3.0)
        #expect(offer.entered == 2 && offer.movedOn == 1, "d1 won from Offer; d3 went back, which is not going on")
        // Lead stays: d1 10, d2 2, d3 1 and 2 → 15 / 4.
        #expect(lead.finishedStays == 4 && lead.meanDays == 15.0 / 4)
        // Offer stays: d1 4, d3 1 (the second is still open).
        #expect(offer.finishedStays == 2 && offer.meanDays == 2.5)
        // Moves out of a stage are activities; a deal's making (no from-stage) is not.
        #expect(figures.reps.first { $0.userID == "usr_a" }?.dealMoves == 5 && figures.reps.first { $0.userID == "usr_b" }?.dealMoves == 1)
    }

    @Test("win rate, average won deal in the pipeline's currency, median cycle; reps by activities; the month's won and forecast against the target")
    func closedAndMonth() {
        let outcomes = [
            outcome("w1", .won, amount: 100_000, madeDaysAgo: 30, closedDaysAgo: 20),
            outcome("w2", .won, amount: 50_000, owner: "usr_b", madeDaysAgo: 12, closedDaysAgo: 2),
            outcome("w3", .won, amount: 70_000, currency: "USD", madeDaysAgo: 40, closedDaysAgo: 10),
            outcome("l1", .lost, amount: 10_000, madeDaysAgo: 5, closedDaysAgo: 1),
            // Closed before the window: the month's figures only (the window is 7 days here, the month began 14 days ago).
            outcome("w0", .won, amount: 9_000, madeDaysAgo: 13, closedDaysAgo: 9),
        ]
        let closing = [
            PipelineStageTotal(workspaceID: "wks_1", pipelineID: "pip_1", stageID: "stg_offer", currency: "EUR", deals: 2, amount: 40_000),
            PipelineStageTotal(workspaceID: "wks_1", pipelineID: "pip_1", stageID: "stg_lead", currency: "USD", deals: 1, amount: 99_000),
        ]
        let wide = SalesDashboard.compute(
            overview: PipelineOverview(pipeline: pipeline(target: 200_000), totals: []), outcomes: outcomes, moves: [],
            tasksDone: ["user:usr_b": 3, "api_key:key_1": 9], closingThisMonth: closing, since: now.addingTimeInterval(-90 * day), until: now)
        #expect(wide.won == 4 && wide.lost == 1 && wide.winRate == 0.8)
        #expect(wide.wonAmount == 159_000 && wide.averageWon == 53_000, "the USD deal counts in the rate, not the amounts")
        // Cycles 10, 10, 30, 4 days → median 10.
        #expect(wide.medianCycleDays == 10)
        #expect(wide.reps.map(\.userID) == ["usr_b", "usr_a"], "three tasks done first; an API key is no rep")
        #expect(wide.reps[0].tasksDone == 3 && wide.reps[0].dealsWon == 1 && wide.reps[1].dealsWon == 3)
        // The month began on the 1st: w2 and w0 (closed 2 and 9 days ago) are this month's, w1 (20 days ago) is not.
        #expect(wide.monthEnd == "2027-01-31")
        #expect(wide.wonThisMonth == 59_000 && wide.monthForecast == 59_000 + 20_000 && wide.targetShare == 79_000.0 / 200_000)

        let week = SalesDashboard.compute(
            overview: PipelineOverview(pipeline: pipeline(), totals: []), outcomes: outcomes, moves: [], tasksDone: [:], closingThisMonth: [],
            since: now.addingTimeInterval(-7 * day), until: now)
        #expect(week.won == 1 && week.lost == 1 && week.wonThisMonth == 59_000, "the window's rate from its own deals, the month's won from the month's")
        #expect(week.targetShare == nil)
    }

    @Test("My day: open tasks due before the day ends, overdue first; meetings starting today, not cancelled, in order")
    func workDay() {
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / day).rounded(.down) * day)
        func task(_ id: String, due: Date?, status: WorkTaskStatus = .open) -> WorkTask {
            WorkTask(id: id, workspaceID: "wks_1", title: id, status: status, dueAt: due, createdBy: "t", createdAt: now, updatedAt: now)
        }
        func meeting(_ id: String, starts: Date, status: MeetingStatus = .scheduled) -> Meeting {
            Meeting(id: id, workspaceID: "wks_1", uid: id, title: id, startsAt: starts, endsAt: starts.addingTimeInterval(1800), ownerID: "usr_a", status: status,
                    createdBy: "t", createdAt: now, updatedAt: now)
        }
        let today = WorkDay(
            at: now,
            tasks: [
                task("later", due: start.addingTimeInterval(day - 1)), task("edge", due: start.addingTimeInterval(day)),
                task("overdue", due: now.addingTimeInterval(-3 * day)), task("done", due: now, status: .done), task("undated", due: nil),
            ],
            meetings: [
                meeting("evening", starts: start.addingTimeInterval(20 * 3600)), meeting("midnight", starts: start.addingTimeInterval(day)),
                meeting("morning", starts: start), meeting("yesterday", starts: start.addingTimeInterval(-60)),
                meeting("dropped", starts: start.addingTimeInterval(3600), status: .cancelled),
            ])
        #expect(today.start == start && today.end == start.addingTimeInterval(day))
        #expect(today.tasks.map(\.id) == ["overdue", "later"], "due at the next midnight is tomorrow's")
        #expect(today.meetings.map(\.id) == ["morning", "evening"])
    }
}
