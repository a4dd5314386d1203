/// The dashboard: the range asked for (with what was wrong with it), what is waiting now and
/// came in today, the range's figures and SLA breaches, the charts, the per-channel and
/// per-agent tables, and how the bot did.
struct DashboardPageView: TemplateView {
    /// How many conversations missed one kind of SLA clock (`first response`).
    struct Breach: TemplateView {
        let kind: String
        let count: Int
    }

    /// A channel's conversations opened and resolved in the range.
    struct Channel: TemplateView {
        let name: String
        let opened: Int
        let resolved: Int
    }

    /// An agent's row: availability, workload and median times (`—` without any).
    struct Agent: TemplateView {
        let name: String
        let availability: String
        let assigned: Int
        let resolved: Int
        let open: Int
        let firstMedian: String
        let resolutionMedian: String
        /// The share of satisfied answers to the CSAT of their conversations (`—` without any).
        let csat: String
    }

    /// A team's CSAT.
    struct TeamSatisfaction: TemplateView {
        let name: String
        let csat: String
    }

    /// The bot's conversations in the range and why it handed some to a person.
    struct Bot: TemplateView {
        /// A hand-off reason and how many conversations it sent to a person.
        struct Reason: TemplateView {
            let label: String
            let count: Int
        }

        let handled: Int
        let contained: Int
        let handedOff: Int
        let active: Int
        let abandoned: Int
        /// The containment rate (`85%`), `—` before any conversation ended.
        let containment: String
        let reasons: [Reason]
        /// The CSAT of the conversations the bot handled alone.
        var csat = "—"
    }

    let from: String
    let to: String
    let fromError: String?
    let toError: String?
    let openNow: Int
    let pendingNow: Int
    let snoozedNow: Int
    let openedToday: Int
    let resolvedToday: Int
    let opened: Int
    let resolved: Int
    let firstMedian: String
    let firstP90: String
    let firstCount: Int
    let resolutionMedian: String
    let resolutionP90: String
    let resolutionCount: Int
    let breaches: [Breach]
    let breachTotal: Int
    /// Inline SVG; the per-channel chart only when a channel had conversations.
    let dailyChart: String
    let channelChart: String?
    let channels: [Channel]
    let agents: [Agent]
    let bot: Bot
    /// The CSAT of every conversation in the range, and per team.
    let csat: String
    let teams: [TeamSatisfaction]
    let hasTeams: Bool
}
