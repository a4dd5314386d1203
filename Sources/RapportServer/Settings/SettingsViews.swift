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

    func values(actor: Actor, publicBase: String) async throws -> [String: Any] {
        async let agentList = inboxes.agents(as: actor)
        async let teamList = inboxes.teams(as: actor)
        async let inboxList = inboxes.inboxes(as: actor)
        async let cannedList = inboxes.cannedResponses(as: actor)
        async let policyList = inboxes.slaPolicies(as: actor)
        let (agents, teams, boxes, canned, policies) = try await (agentList, teamList, inboxList, cannedList, policyList)
        let names = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        var values: [String: Any] = [
            "may_users": actor.may(.manageUsers), "may_channels": actor.may(.manageChannels), "may_keys": actor.may(.manageKeys),
            "may_webhooks": actor.may(.manageWebhooks), "may_setup": actor.may(.manageTeamSetup), "may_sources": actor.may(.manageSources),
            "roles": UserRole.allCases.map { ["value": $0.rawValue] },
            "channels": InboxChannel.allCases.map { channel -> [String: Any] in
                ["value": channel.rawValue, "words": WebFormat.channelName(channel), "required": channel.requiredSettings.map(\.rawValue).joined(separator: ", ")]
            },
            "team_options": teams.map { ["id": $0.id, "name": $0.name] },
            "agent_options": agents.filter { $0.deactivatedAt == nil }.map { ["id": $0.id, "name": $0.name] },
            "policy_options": policies.map { ["id": $0.id, "name": $0.name] },
            "weekdays": Self.weekdays.map { ["value": $0.0, "words": $0.1] },
            "event_types": DomainEventType.allCases.map { ["value": $0.rawValue] },
            "variables_hint": "{{customer.first_name}}",
        ]
        values["users"] = agents.map { agent -> [String: Any] in
            let memberships = teams.filter { $0.memberIDs.contains(agent.id) }.map(\.name).joined(separator: ", ")
            return ViewValues.make([
                "id": agent.id, "name": agent.name, "email": agent.email, "role": agent.role.rawValue, "teams": memberships,
                "availability": agent.deactivatedAt == nil ? agent.availability.rawValue : "deactivated",
                "deactivated": agent.deactivatedAt == nil ? nil : true, "self": agent.id == actor.userID ? true : nil,
                "roles": UserRole.allCases.map { role in ViewValues.make(["value": role.rawValue, "selected": role == agent.role ? true : nil]) },
            ])
        }
        values["teams"] = teams.map { team -> [String: Any] in
            ["id": team.id, "name": team.name, "members": team.memberIDs.compactMap { names[$0] }.joined(separator: ", ")]
        }
        values["inboxes"] = boxes.map { inbox -> [String: Any] in
            ViewValues.make([
                "id": inbox.id, "name": inbox.name, "channel": WebFormat.channelName(inbox.channel), "team": inbox.teamID.flatMap { teamNames[$0] },
                "address": inbox.address, "webhook": inbox.channel == .store ? nil : publicBase + SiteURL.inbox(inbox).path,
                "settings": inbox.settings.keys.sorted().filter { !InboxSetting.isSecret($0) }
                    .map { "\($0)=\(inbox.settings[$0] ?? "")" }.joined(separator: ", "),
                "editable": inbox.settings.keys.sorted().filter { !InboxSetting.isSecret($0) }
                    .map { "\($0)=\(inbox.settings[$0] ?? "")" }.joined(separator: "\n"),
                "secrets": inbox.settings.keys.sorted().filter { InboxSetting.isSecret($0) }.joined(separator: ", "),
                "team_choices": teams.map { team in ViewValues.make(["id": team.id, "name": team.name, "selected": team.id == inbox.teamID ? true : nil]) },
                "policy_choices": policies.map { policy in
                    ViewValues.make(["id": policy.id, "name": policy.name, "selected": policy.id == inbox.slaPolicyID ? true : nil])
                },
            ])
        }
        values["canned"] = canned.map { ["code": $0.shortCode, "content": $0.content] }
        values["policies"] = policies.map { policy -> [String: Any] in
            let minutes = { (seconds: Int?) in seconds.map { WebFormat.span($0) } ?? "—" }
            return [
                "name": policy.name, "first": minutes(policy.firstResponseSeconds), "next": minutes(policy.nextResponseSeconds),
                "resolution": minutes(policy.resolutionSeconds), "hours": Self.describe(policy.businessHours),
            ]
        }
        if actor.may(.manageKeys) {
            values["keys"] = try await keys.keys(as: actor).map { key -> [String: Any] in
                ViewValues.make([
                    "id": key.id, "name": key.name, "kind": key.kind.name, "prefix": key.displayPrefix + "…",
                    "created": WebFormat.day(key.createdAt), "revoked": key.revokedAt.map(WebFormat.day),
                ])
            }
        }
        if actor.may(.manageSources) {
            values["sources"] = try await sources.sources(as: actor).map { source -> [String: Any] in
                [
                    "id": source.id, "name": source.name, "kind": source.kind.rawValue, "url": publicBase + SiteURL.source(source).path,
                    "created": WebFormat.day(source.createdAt),
                ]
            }
            values["source_kinds"] = SourceKind.allCases.map { ["value": $0.rawValue] }
        }
        if actor.may(.manageWebhooks) {
            values["webhooks"] = try await webhooks.subscriptions(as: actor).map { hook -> [String: Any] in
                ["id": hook.id, "url": hook.url, "events": hook.eventTypes.joined(separator: ", "), "active": hook.active]
            }
        }
        return values
    }

    /// `Mon–Fri 09:00–18:00 (Europe/Berlin)`, or `around the clock`.
    static func describe(_ hours: BusinessHours?) -> String {
        guard let hours, !hours.days.isEmpty else { return "around the clock" }
        let clock = { (minutes: Int) in String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        let parts = weekdays.compactMap { day, words in hours.days[day].map { "\(words) \(clock($0.start))–\(clock($0.end))" } }
        return parts.joined(separator: ", ") + " (\(hours.timeZone))"
    }
}
