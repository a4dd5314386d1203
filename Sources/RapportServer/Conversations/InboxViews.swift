import Foundation
import RapportCore

/// What the inbox's templates show, read through the services (so the signed-in user's
/// permissions apply to every part of it).
struct InboxViews: Sendable {
    let conversations: ConversationService
    let inboxes: InboxService
    let customers: CustomerService
    let commerce: CommerceService
    let customerViews: CustomerViews
    let clock: any WallClock

    /// The list with its views, status tabs, channel filter and counts.
    func list(query: InboxQuery, selected: String?, actor: Actor) async throws -> [String: Any] {
        async let counted = conversations.counts(filter: query.countingFilter, as: actor)
        async let found = conversations.conversations(filter: query.filter(userID: actor.userID), page: try PageRequest(limit: 50, startingAfter: query.after), as: actor)
        async let agentList = inboxes.agents(as: actor)
        async let teamList = inboxes.teams(as: actor)
        let (counts, page, agents, teams) = try await (counted, found, agentList, teamList)
        async let peopleList = customers.customers(ids: page.items.map(\.customerID), as: actor)
        async let previewList = conversations.previews(of: page.items, as: actor)
        let (people, previews) = try await (peopleList, previewList)
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, WebFormat.customerName($0)) })
        let agentNames = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        let now = clock.now()
        let items: [[String: Any]] = page.items.map { conversation in
            ViewValues.make([
                "id": conversation.id,
                "href": "/inbox/\(conversation.id)\(query.pageString)",
                "name": names[conversation.customerID] ?? conversation.contact,
                "contact": conversation.contact,
                "preview": previews[conversation.id].map { message in
                    (message.direction == .outgoing ? "↩ " : "") + String((message.text ?? message.kind.rawValue).prefix(120))
                },
                "channel": conversation.channel.rawValue,
                "channel_name": WebFormat.channelName(conversation.channel),
                "channel_badge": WebFormat.channelBadge(conversation.channel),
                "when": WebFormat.ago(conversation.lastMessageAt, now: now),
                "when_iso": WebFormat.iso(conversation.lastMessageAt),
                "assignee": conversation.assigneeID.flatMap { agentNames[$0] },
                "labels": conversation.labels,
                "priority": conversation.priority == .normal ? nil : conversation.priority.rawValue,
                "breached": conversation.slaBreaches.isEmpty ? nil : true,
                "selected": conversation.id == selected ? true : nil,
            ])
        }
        let views: [[String: Any]] = InboxQuery.View.allCases.map { view in
            let count = switch view {
            case .all: counts.total[query.status] ?? 0
            case .mine: counts.mine[query.status] ?? 0
            case .unassigned: counts.unassigned[query.status] ?? 0
            }
            let words = switch view {
            case .all: "All"
            case .mine: "Mine"
            case .unassigned: "Unassigned"
            }
            return ViewValues.make(["words": words, "count": count, "href": "/inbox" + query.string(view: view), "current": view == query.view ? true : nil])
        }
        let statuses: [[String: Any]] = ConversationStatus.allCases.map { status in
            ViewValues.make([
                "words": status.rawValue.capitalized, "count": counts.count(status), "href": "/inbox" + query.string(status: status),
                "current": status == query.status ? true : nil,
            ])
        }
        let channels: [[String: Any]] = InboxChannel.allCases.map { channel in
            ViewValues.make(["value": channel.rawValue, "words": WebFormat.channelName(channel), "selected": channel == query.channel ? true : nil])
        }
        let visibleTeams = actor.role == .agent ? teams.filter { actor.teamIDs.contains($0.id) } : teams
        let teamOptions: [[String: Any]] = visibleTeams.map { team in
            ViewValues.make(["id": team.id, "name": team.name, "selected": team.id == query.teamID ? true : nil])
        }
        return ViewValues.make([
            "items": items, "empty": items.isEmpty ? true : nil, "views": views, "teams": teamOptions, "statuses": statuses, "channels": channels,
            "view": query.view.rawValue, "status": query.status.rawValue, "label": query.label, "team": query.teamID,
            "query": query.pageString, "selected_id": selected,
            "more": page.hasMore ? page.items.last.map { "/inbox" + query.string() + "&after=\($0.id)" } : nil,
            "first_page": query.after == nil ? nil : "/inbox" + query.string(),
        ])
    }

    /// The open conversation: thread, composer, actions and the customer beside it.
    func conversation(id: String, query: InboxQuery, draft: InboxDraft?, actor: Actor) async throws -> [String: Any] {
        let conversation = try await conversations.conversation(id: id, as: actor)
        var messages: [Message] = []
        var cursor: String?
        repeat {
            let page = try await conversations.messages(conversationID: id, page: try PageRequest(limit: 100, startingAfter: cursor), as: actor)
            messages += page.items
            cursor = page.hasMore ? page.items.last?.id : nil
        } while cursor != nil && messages.count < 1000
        async let agentList = inboxes.agents(as: actor)
        async let cannedList = inboxes.cannedResponses(as: actor)
        async let customer = customerViews.sidebar(customerID: conversation.customerID, actor: actor)
        let (agents, canned, sidebar) = try await (agentList, cannedList, customer)
        let agentNames = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        let customerName = (sidebar["name"] as? String) ?? conversation.contact
        let now = clock.now()
        let thread: [[String: Any]] = messages.map { message in
            let tick = message.direction == .outgoing ? WebFormat.delivery(message.deliveryStatus) : nil
            let author = switch message.author {
            case .customer: customerName
            case .agent: message.authorID.flatMap { agentNames[$0] } ?? "Agent"
            case .bot: "Bot"
            case .system: "Rapport"
            }
            let attachments: [[String: Any]] = message.attachments.map { attachment in
                ViewValues.make([
                    "name": attachment.filename ?? attachment.caption ?? attachment.type, "url": attachment.url.flatMap(WebFormat.safeLink),
                    "type": attachment.mimeType ?? attachment.type,
                ])
            }
            return ViewValues.make([
                "id": message.id, "text": message.text ?? (message.kind == .template ? "Template message" : message.kind.rawValue.capitalized),
                "kind": message.isPrivate ? "note" : message.direction.rawValue, "note": message.isPrivate ? true : nil,
                "author": author, "when": WebFormat.time(message.createdAt), "when_iso": WebFormat.iso(message.createdAt),
                "tick": tick?.mark, "tick_words": tick?.words, "tick_state": tick?.state, "failure": message.failureReason,
                "attachments": attachments.isEmpty ? nil : attachments,
                "mood": message.sentiment.flatMap(WebFormat.mood),
            ])
        }
        var sla: [[String: Any]] = []
        if conversation.firstResponseAt == nil, let due = conversation.firstResponseDue, conversation.status != .resolved {
            sla.append(["words": "First response", "due": WebFormat.due(due, now: now), "late": due < now])
        } else if let due = conversation.nextResponseDue, conversation.status != .resolved {
            sla.append(["words": "Next response", "due": WebFormat.due(due, now: now), "late": due < now])
        }
        if let due = conversation.resolutionDue, conversation.status != .resolved {
            sla.append(["words": "Resolution", "due": WebFormat.due(due, now: now), "late": due < now])
        }
        var values = ViewValues.make([
            "id": conversation.id, "name": customerName, "contact": conversation.contact,
            "channel": conversation.channel.rawValue, "channel_name": WebFormat.channelName(conversation.channel),
            "channel_badge": WebFormat.channelBadge(conversation.channel), "subject": conversation.subject,
            "status": conversation.status.rawValue, "resolved": conversation.status == .resolved ? true : nil,
            "snoozed_until": conversation.snoozedUntil.map(WebFormat.time),
            "priority": conversation.priority.rawValue, "labels": conversation.labels,
            "assignee": conversation.assigneeID.flatMap { agentNames[$0] },
            "mine": conversation.assigneeID != nil && conversation.assigneeID == actor.userID ? true : nil,
            "can_work": actor.may(.workConversations) ? true : nil,
        ])
        values["messages"] = thread
        if !sla.isEmpty { values["sla"] = sla }
        if !conversation.slaBreaches.isEmpty { values["breaches"] = conversation.slaBreaches.joined(separator: ", ") }
        values["agents"] = agents.filter { $0.role != .marketer && $0.deactivatedAt == nil }.map { agent -> [String: Any] in
            ViewValues.make(["id": agent.id, "name": agent.name, "selected": agent.id == conversation.assigneeID ? true : nil])
        }
        values["priorities"] = ConversationPriority.allCases.map { priority -> [String: Any] in
            ViewValues.make(["value": priority.rawValue, "selected": priority == conversation.priority ? true : nil])
        }
        values["snooze_choices"] = InboxAction.snoozeChoices.map { choice -> [String: Any] in ["value": choice.value, "words": choice.words] }
        values["canned"] = canned.map { response -> [String: Any] in ["code": response.shortCode, "content": response.content] }
        if let draft {
            values["draft_text"] = draft.text
            values["draft_error"] = draft.error
            if draft.isNote { values["draft_note"] = true }
        }
        values["query"] = query.pageString
        values["customer"] = sidebar
        values["variables_hint"] = "{{customer.first_name}}"
        return values
    }
}
