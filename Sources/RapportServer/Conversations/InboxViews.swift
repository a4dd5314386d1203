import Foundation
import RapportCore

/// What the inbox's templates show, read through the services (so the signed-in user's
/// permissions apply to every part of it).
struct InboxViews: Sendable {
    let conversations: ConversationService
    let inboxes: InboxService
    let customers: CustomerService
    let commerce: CommerceService
    let segments: SegmentService
    let customerViews: CustomerViews
    let clock: any WallClock

    /// The list with its views, status tabs, channel, team and segment filters and counts.
    func list(query asked: InboxQuery, selected: String?, actor: Actor) async throws -> InboxPageView {
        // The segment filter offers the workspace's segments and lists; an id naming none of them is no filter.
        let segmentList = try await segments.list(as: actor)
        var known = asked
        if let id = known.segmentID, !segmentList.contains(where: { $0.id == id }) { known.segmentID = nil }
        let query = known
        async let counted = conversations.counts(filter: query.countingFilter, as: actor)
        async let found = conversations.conversations(
            filter: query.filter(userID: actor.userID), page: try PageRequest(limit: 50, startingAfter: query.after), as: actor)
        async let agentList = inboxes.agents(as: actor)
        async let teamList = inboxes.teams(as: actor)
        let (counts, page, agents, teams) = try await (counted, found, agentList, teamList)
        async let peopleList = customers.customers(ids: page.items.map(\.customerID), as: actor)
        async let previewList = conversations.previews(of: page.items, as: actor)
        let (people, previews) = try await (peopleList, previewList)
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, WebFormat.customerName($0)) })
        let agentNames = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        let now = clock.now()
        let items = page.items.map { conversation in
            InboxPageView.Item(
                id: conversation.id,
                href: "/inbox/\(conversation.id)\(query.pageString)",
                name: names[conversation.customerID] ?? conversation.contact,
                contact: conversation.contact,
                preview: previews[conversation.id].map { message in
                    (message.direction == .outgoing ? "↩ " : "") + String((message.text ?? message.kind.rawValue).prefix(120))
                },
                channel: conversation.channel.rawValue,
                channelName: WebFormat.channelName(conversation.channel),
                channelBadge: WebFormat.channelBadge(conversation.channel),
                when: WebFormat.ago(conversation.lastMessageAt, now: now),
                whenISO: WebFormat.iso(conversation.lastMessageAt),
                assignee: conversation.assigneeID.flatMap { agentNames[$0] },
                labels: conversation.labels,
                priority: conversation.priority == .normal ? nil : conversation.priority.rawValue,
                breached: !conversation.slaBreaches.isEmpty,
                selected: conversation.id == selected)
        }
        let views = InboxQuery.View.allCases.map { view in
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
            return InboxPageView.Tab(words: words, count: count, href: "/inbox" + query.string(view: view), current: view == query.view)
        }
        let statuses = ConversationStatus.allCases.map { status in
            InboxPageView.Tab(
                words: status.rawValue.capitalized, count: counts.count(status), href: "/inbox" + query.string(status: status),
                current: status == query.status)
        }
        let channels = InboxChannel.allCases.map { channel in
            InboxPageView.Channel(value: channel.rawValue, words: WebFormat.channelName(channel), selected: channel == query.channel)
        }
        let visibleTeams = actor.role == .agent ? teams.filter { actor.teamIDs.contains($0.id) } : teams
        let teamOptions = visibleTeams.map { team in
            InboxPageView.Team(id: team.id, name: team.name, selected: team.id == query.teamID)
        }
        let segmentOptions = SegmentFilterChoice(query.segmentID.map { Substring($0) }, segments: segmentList, offersRFM: false).options
        return InboxPageView(
            items: items, empty: items.isEmpty, views: views, teams: teamOptions, segments: segmentOptions, statuses: statuses, channels: channels,
            view: query.view.rawValue, status: query.status.rawValue, label: query.label, team: query.teamID,
            query: query.pageString, selectedID: selected,
            more: page.hasMore ? page.items.last.map { "/inbox" + query.string() + "&after=\($0.id)" } : nil,
            firstPage: query.after == nil ? nil : "/inbox" + query.string())
    }

    /// The open conversation: thread, composer, actions and the customer beside it.
    func conversation(id: String, query: InboxQuery, draft: InboxDraft?, actor: Actor) async throws -> InboxThreadView {
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
        let customerName = sidebar.name ?? conversation.contact
        let now = clock.now()
        let thread = messages.map { message in
            let tick = message.direction == .outgoing ? WebFormat.delivery(message.deliveryStatus) : nil
            let author = switch message.author {
            case .customer: customerName
            case .agent: message.authorID.flatMap { agentNames[$0] } ?? "Agent"
            case .bot: "Bot"
            case .system: "Rapport"
            }
            let attachments = message.attachments.map { attachment in
                InboxThreadView.Message.Attachment(
                    name: attachment.filename ?? attachment.caption ?? attachment.type, url: attachment.url.flatMap(WebFormat.safeLink),
                    type: attachment.mimeType ?? attachment.type)
            }
            return InboxThreadView.Message(
                id: message.id, text: message.text ?? (message.kind == .template ? "Template message" : message.kind.rawValue.capitalized),
                kind: message.isPrivate ? "note" : message.direction.rawValue, note: message.isPrivate,
                author: author, when: WebFormat.time(message.createdAt), whenISO: WebFormat.iso(message.createdAt),
                tick: tick?.mark, tickWords: tick?.words, tickState: tick?.state, failure: message.failureReason,
                attachments: attachments, mood: message.sentiment.flatMap(WebFormat.mood))
        }
        var sla: [InboxThreadView.Due] = []
        if conversation.firstResponseAt == nil, let due = conversation.firstResponseDue, conversation.status != .resolved {
            sla.append(InboxThreadView.Due(words: "First response", due: WebFormat.due(due, now: now), late: due < now))
        } else if let due = conversation.nextResponseDue, conversation.status != .resolved {
            sla.append(InboxThreadView.Due(words: "Next response", due: WebFormat.due(due, now: now), late: due < now))
        }
        if let due = conversation.resolutionDue, conversation.status != .resolved {
            sla.append(InboxThreadView.Due(words: "Resolution", due: WebFormat.due(due, now: now), late: due < now))
        }
        return InboxThreadView(
            id: conversation.id, name: customerName, contact: conversation.contact,
            channel: conversation.channel.rawValue, channelName: WebFormat.channelName(conversation.channel),
            channelBadge: WebFormat.channelBadge(conversation.channel), subject: conversation.subject,
            status: conversation.status.rawValue, resolved: conversation.status == .resolved,
            snoozedUntil: conversation.snoozedUntil.map(WebFormat.time),
            priority: conversation.priority.rawValue, labels: conversation.labels,
            assignee: conversation.assigneeID.flatMap { agentNames[$0] },
            mine: conversation.assigneeID != nil && conversation.assigneeID == actor.userID,
            canWork: actor.may(.workConversations),
            messages: thread, sla: sla,
            breaches: conversation.slaBreaches.isEmpty ? nil : conversation.slaBreaches.joined(separator: ", "),
            agents: agents.filter { $0.role != .marketer && $0.deactivatedAt == nil }.map { agent in
                InboxThreadView.Agent(id: agent.id, name: agent.name, selected: agent.id == conversation.assigneeID)
            },
            priorities: ConversationPriority.allCases.map { priority in
                ChoiceView(value: priority.rawValue, selected: priority == conversation.priority)
            },
            snoozeChoices: InboxAction.snoozeChoices.map { choice in InboxThreadView.SnoozeChoice(value: choice.value, words: choice.words) },
            canned: canned.map { response in InboxThreadView.Canned(code: response.shortCode, content: response.content) },
            draftText: draft?.text, draftError: draft?.error, draftNote: draft?.isNote ?? false,
            query: query.pageString, customer: sidebar, variablesHint: "{{customer.first_name}}")
    }
}
