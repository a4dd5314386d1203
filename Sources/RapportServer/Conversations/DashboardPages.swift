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
        let botFigures = try await Self.figures(bot.dashboard(from: range.from, to: range.to, as: actor))
        let shown = view(board, from: requested.fromText, to: requested.toText, problems: problems, bot: botFigures)
        return try pages.render("dashboard", context, title: "Dashboard", section: "dashboard", view: shown)
    }

    /// The bot's part of the page.
    static func figures(_ bot: BotDashboard) -> DashboardPageView.Bot {
        DashboardPageView.Bot(
            handled: bot.handled, contained: bot.contained, handedOff: bot.handedOff, active: bot.active, abandoned: bot.abandoned,
            containment: bot.containmentRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "—",
            reasons: bot.reasons.map { DashboardPageView.Bot.Reason(label: $0.reason.label, count: $0.count) })
    }

    /// The page for `board`, with the range as typed and what was wrong with it.
    func view(_ board: TeamDashboard, from: String, to: String, problems: [String: String], bot: DashboardPageView.Bot) -> DashboardPageView {
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
        let teams = (board.satisfaction?.byTeam ?? [:]).sorted { $0.key < $1.key }.map {
            DashboardPageView.TeamSatisfaction(name: board.teams[$0.key] ?? $0.key, csat: Self.satisfaction($0.value))
        }
        return DashboardPageView(
            from: from, to: to, fromError: problems["from"], toError: problems["to"],
            openNow: board.waiting.count(.open), pendingNow: board.waiting.count(.pending), snoozedNow: board.waiting.count(.snoozed),
            openedToday: board.openedToday, resolvedToday: board.resolvedToday,
            opened: board.opened, resolved: board.resolved,
            firstMedian: duration(board.firstResponse.median), firstP90: duration(board.firstResponse.p90), firstCount: board.firstResponse.count,
            resolutionMedian: duration(board.resolution.median), resolutionP90: duration(board.resolution.p90),
            resolutionCount: board.resolution.count,
            breaches: board.breaches.keys.sorted().map {
                DashboardPageView.Breach(kind: $0.replacingOccurrences(of: "_", with: " "), count: board.breaches[$0] ?? 0)
            },
            breachTotal: board.breaches.values.reduce(0, +),
            dailyChart: chart, channelChart: board.channels.isEmpty ? nil : channels,
            channels: board.channels.map {
                DashboardPageView.Channel(name: WebFormat.channelName($0.channel), opened: $0.opened, resolved: $0.resolved)
            },
            agents: board.agents.map { figures in
                DashboardPageView.Agent(
                    name: figures.agent.name, availability: figures.agent.availability.rawValue, assigned: figures.assigned,
                    resolved: figures.resolved, open: figures.openNow, firstMedian: duration(figures.firstResponse.median),
                    resolutionMedian: duration(figures.resolution.median),
                    csat: Self.satisfaction(board.satisfaction?.byHandler[figures.agent.id]))
            },
            bot: withSatisfaction(bot, board.satisfaction?.byHandler[Survey.bot]),
            csat: Self.satisfaction(board.satisfaction?.overall), teams: teams, hasTeams: !teams.isEmpty)
    }

    private func withSatisfaction(_ bot: DashboardPageView.Bot, _ figures: SurveyFigures?) -> DashboardPageView.Bot {
        var bot = bot
        bot.csat = Self.satisfaction(figures)
        return bot
    }

    /// "86% satisfied (43 answers)", or `—` without an answer.
    static func satisfaction(_ figures: SurveyFigures?) -> String {
        guard let figures, let score = figures.score else { return "—" }
        return "\(Int(score.rounded()))% (\(figures.answered) answer\(figures.answered == 1 ? "" : "s"))"
    }
}
