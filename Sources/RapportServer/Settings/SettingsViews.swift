import Foundation
import RapportCore

/// What the settings page lists: users and their teams, teams, inboxes with the webhook URL
/// each provider needs, API and write keys, canned responses, SLA policies with business
/// hours, outgoing webhooks. Each section shows only to the roles that may change it.
struct SettingsViews: Sendable {
    let inboxes: InboxService
    let keys: APIKeyService
    let webhooks: WebhookService
    let sources: SourceService

    static let weekdays = [(2, "Mon"), (3, "Tue"), (4, "Wed"), (5, "Thu"), (6, "Fri"), (7, "Sat"), (1, "Sun")]

    func view(actor: Actor, publicBase: String) async throws -> SettingsPageView {
        async let agentList = inboxes.agents(as: actor)
        async let teamList = inboxes.teams(as: actor)
        async let inboxList = inboxes.inboxes(as: actor)
        async let cannedList = inboxes.cannedResponses(as: actor)
        async let policyList = inboxes.slaPolicies(as: actor)
        let (agents, teams, boxes, canned, policies) = try await (agentList, teamList, inboxList, cannedList, policyList)
        let names = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        let users = agents.map { agent in
            SettingsPageView.User(
                id: agent.id, name: agent.name, email: agent.email, role: agent.role.rawValue,
                teams: teams.filter { $0.memberIDs.contains(agent.id) }.map(\.name).joined(separator: ", "),
                availability: agent.deactivatedAt == nil ? agent.availability.rawValue : "deactivated",
                deactivated: agent.deactivatedAt != nil, isSelf: agent.id == actor.userID,
                roles: UserRole.allCases.map { ChoiceView(value: $0.rawValue, selected: $0 == agent.role) })
        }
        let inboxRows = boxes.map { inbox in
            let shown = inbox.settings.keys.sorted().filter { !InboxSetting.isSecret($0) }.map { "\($0)=\(inbox.settings[$0] ?? "")" }
            return SettingsPageView.Inbox(
                id: inbox.id, name: inbox.name, channel: WebFormat.channelName(inbox.channel), team: inbox.teamID.flatMap { teamNames[$0] },
                address: inbox.address, webhook: inbox.channel == .store ? nil : publicBase + SiteURL.inbox(inbox).path,
                settings: shown.joined(separator: ", "), editable: shown.joined(separator: "\n"),
                secrets: inbox.settings.keys.sorted().filter { InboxSetting.isSecret($0) }.joined(separator: ", "),
                teamChoices: teams.map { SettingsPageView.Option(id: $0.id, name: $0.name, selected: $0.id == inbox.teamID) },
                policyChoices: policies.map { SettingsPageView.Option(id: $0.id, name: $0.name, selected: $0.id == inbox.slaPolicyID) })
        }
        let minutes = { (seconds: Int?) in seconds.map { WebFormat.span($0) } ?? "—" }
        var view = SettingsPageView(
            mayUsers: actor.may(.manageUsers), mayChannels: actor.may(.manageChannels), mayKeys: actor.may(.manageKeys),
            mayWebhooks: actor.may(.manageWebhooks), maySetup: actor.may(.manageTeamSetup), maySources: actor.may(.manageSources),
            roles: UserRole.allCases.map { ChoiceView(value: $0.rawValue) },
            channels: InboxChannel.allCases.map { channel in
                SettingsPageView.Channel(
                    value: channel.rawValue, words: WebFormat.channelName(channel), required: channel.requiredSettings.map(\.rawValue).joined(separator: ", "))
            },
            teamOptions: teams.map { SettingsPageView.Option(id: $0.id, name: $0.name) },
            agentOptions: agents.filter { $0.deactivatedAt == nil }.map { SettingsPageView.Option(id: $0.id, name: $0.name) },
            policyOptions: policies.map { SettingsPageView.Option(id: $0.id, name: $0.name) },
            weekdays: Self.weekdays.map { SettingsPageView.Weekday(value: $0.0, words: $0.1) },
            eventTypes: DomainEventType.subscribable.map { ChoiceView(value: $0.rawValue) },
            variablesHint: "{{customer.first_name}}",
            users: users,
            teams: teams.map { SettingsPageView.Team(id: $0.id, name: $0.name, members: $0.memberIDs.compactMap { names[$0] }.joined(separator: ", ")) },
            inboxes: inboxRows,
            canned: canned.map { SettingsPageView.Canned(code: $0.shortCode, content: $0.content) },
            policies: policies.map { policy in
                SettingsPageView.Policy(
                    name: policy.name, first: minutes(policy.firstResponseSeconds), next: minutes(policy.nextResponseSeconds),
                    resolution: minutes(policy.resolutionSeconds), hours: Self.describe(policy.businessHours))
            })
        if actor.may(.manageKeys) {
            view.keys = try await keys.keys(as: actor).map { key in
                SettingsPageView.Key(
                    id: key.id, name: key.name, kind: key.kind.name, prefix: key.displayPrefix + "…", created: WebFormat.day(key.createdAt),
                    revoked: key.revokedAt.map(WebFormat.day))
            }
        }
        if actor.may(.manageSources) {
            view.sources = try await sources.sources(as: actor).map { source in
                SettingsPageView.Source(
                    id: source.id, name: source.name, kind: source.kind.rawValue, url: publicBase + SiteURL.source(source).path,
                    created: WebFormat.day(source.createdAt))
            }
            view.sourceKinds = SourceKind.allCases.map { ChoiceView(value: $0.rawValue) }
        }
        if actor.may(.manageWebhooks) {
            view.webhooks = try await webhooks.subscriptions(as: actor).map { hook in
                SettingsPageView.Webhook(id: hook.id, url: hook.url, events: hook.eventTypes.joined(separator: ", "), active: hook.active)
            }
        }
        return view
    }

    /// `Mon–Fri 09:00–18:00 (Europe/Berlin)`, or `around the clock`.
    static func describe(_ hours: BusinessHours?) -> String {
        guard let hours, !hours.days.isEmpty else { return "around the clock" }
        let clock = { (minutes: Int) in String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        let parts = weekdays.compactMap { day, words in hours.days[day].map { "\(words) \(clock($0.start))–\(clock($0.end))" } }
        return parts.joined(separator: ", ") + " (\(hours.timeZone))"
    }
}
