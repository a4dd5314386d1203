import Foundation
import Hummingbird
import RapportCore

/// `/dashboard`: the team's figures for a range of days (`from` and `to`, inclusive, UTC;
/// the last 7 days by default), with charts drawn on the server.
struct DashboardPages {
    let conversations: ConversationService
    let bot: BotService
    let pages: WebPages
    let clock: any WallClock

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("dashboard", use: show)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        try actor.require(.viewDashboard)
        let today = Calendar.utc.startOfDay(for: clock.now())
        let requested = DayRange(request, defaultDays: 7, today: today)
        var problems = requested.problems
        var board: TeamDashboard
        var range = (from: requested.from, to: requested.end)
        do {
            board = try await conversations.dashboard(from: range.from, to: range.to, as: actor)
        } catch RapportError.invalid(let errors) {
            for error in errors { problems[error.field == "to" ? "to" : "from"] = WebFormat.problem(error) }
            range = (today.addingTimeInterval(-6 * 86_400), today.addingTimeInterval(86_400))
            board = try await conversations.dashboard(from: range.from, to: range.to, as: actor)
        }
        var shown = values(board, from: requested.fromText, to: requested.toText, problems: problems)
        shown["bot"] = Self.values(try await bot.dashboard(from: range.from, to: range.to, as: actor))
        return try pages.render("dashboard", context, title: "Dashboard", section: "dashboard", values: shown)
    }

    static func values(_ bot: BotDashboard) -> [String: Any] {
        [
            "handled": bot.handled, "contained": bot.contained, "handed_off": bot.handedOff, "active": bot.active,
            "abandoned": bot.abandoned,
            "containment": bot.containmentRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "—",
            "reasons": bot.reasons.map { ["label": $0.reason.label, "count": $0.count] as [String: Any] },
        ]
    }

    func values(_ board: TeamDashboard, from: String, to: String, problems: [String: String]) -> [String: Any] {
        let duration = { (seconds: TimeInterval?) in seconds.map { WebFormat.span(Int($0)) } ?? "—" }
        let labels = board.days.map { String(WebFormat.day($0.start).suffix(5)) }
        let chart = SVGChart.days(
            labels: labels,
            series: [
                SVGChart.Series(name: "opened", cssClass: "series-a", values: board.days.map(\.opened)),
                SVGChart.Series(name: "resolved", cssClass: "series-b", values: board.days.map(\.resolved)),
            ],
            title: "Conversations opened and resolved per day")
        let channels = SVGChart.bars(
            board.channels.map { (WebFormat.channelName($0.channel), $0.opened) }, title: "Conversations opened per channel")
        return ViewValues.make([
            "from": from, "to": to, "from_error": problems["from"], "to_error": problems["to"],
            "open_now": board.waiting.count(.open), "pending_now": board.waiting.count(.pending), "snoozed_now": board.waiting.count(.snoozed),
            "opened_today": board.openedToday, "resolved_today": board.resolvedToday,
            "opened": board.opened, "resolved": board.resolved,
            "first_median": duration(board.firstResponse.median), "first_p90": duration(board.firstResponse.p90), "first_count": board.firstResponse.count,
            "resolution_median": duration(board.resolution.median), "resolution_p90": duration(board.resolution.p90),
            "resolution_count": board.resolution.count,
            "breaches": board.breaches.keys.sorted().map { ["kind": $0.replacingOccurrences(of: "_", with: " "), "count": board.breaches[$0] ?? 0] },
            "breach_total": board.breaches.values.reduce(0, +),
            "daily_chart": chart, "channel_chart": board.channels.isEmpty ? nil : channels,
            "channels": board.channels.map { ["name": WebFormat.channelName($0.channel), "opened": $0.opened, "resolved": $0.resolved] },
            "agents": board.agents.map { figures -> [String: Any] in
                [
                    "name": figures.agent.name, "availability": figures.agent.availability.rawValue, "assigned": figures.assigned,
                    "resolved": figures.resolved, "open": figures.openNow, "first_median": duration(figures.firstResponse.median),
                    "resolution_median": duration(figures.resolution.median),
                ]
            },
        ])
    }
}
