import Foundation

/// Reading conversations, and what agents do in them: reply, note, assign, snooze, resolve,
/// reopen, label, prioritise, and start or log a conversation themselves.
extension ConversationService {
    /// WhatsApp lets a business answer freely for this long after the customer last wrote.
    public static let customerServiceWindow: TimeInterval = 24 * 3600

    public func conversation(id: String, as actor: Actor) async throws -> Conversation {
        try actor.require(.readConversations)
        return try await store.read { session in try await visibleConversation(id: id, actor: actor, session: session) }
    }

    /// The conversations the actor may see: an agent only those of their teams' inboxes. A
    /// segment in the filter needs `viewSegments` and must be one of the workspace's.
    public func conversations(filter: ConversationFilter, page: PageRequest, as actor: Actor) async throws -> Page<Conversation> {
        try actor.require(.readConversations)
        return try await store.read { session in
            try await SegmentFilter.check(filter.segmentID, as: actor, session: session)
            var scoped = filter
            scoped.scope = try await scope(of: actor, session: session)
            return try await session.conversations.list(filter: scoped, workspaceID: actor.workspaceID, page: page)
        }
    }

    /// The newest message of each listed conversation, for the list's previews; the
    /// conversations come from `conversations(filter:page:as:)`, so the actor may see them.
    public func previews(of listed: [Conversation], as actor: Actor) async throws -> [String: Message] {
        try actor.require(.readConversations)
        let ids = listed.filter { $0.workspaceID == actor.workspaceID }.map(\.id)
        return try await store.read { session in try await session.conversations.latestMessages(conversationIDs: ids) }
    }

    /// The counts beside the inbox's filters, within what the actor may see.
    public func counts(filter: ConversationFilter, as actor: Actor) async throws -> ConversationCounts {
        try actor.require(.readConversations)
        return try await store.read { session in
            try await SegmentFilter.check(filter.segmentID, as: actor, session: session)
            var scoped = filter
            scoped.scope = try await scope(of: actor, session: session)
            return try await session.conversations.counts(filter: scoped, userID: actor.userID, workspaceID: actor.workspaceID)
        }
    }

    public func messages(conversationID: String, page: PageRequest, as actor: Actor) async throws -> Page<Message> {
        _ = try await conversation(id: conversationID, as: actor)
        return try await store.read { session in try await session.conversations.messages(conversationID: conversationID, page: page) }
    }

    /// What the actor may see of the workspace's conversations (a live stream's filter); nil
    /// when all of them.
    public func scope(as actor: Actor) async throws -> ConversationScope? {
        try actor.require(.readConversations)
        return try await store.read { session in try await scope(of: actor, session: session) }
    }

    func scope(of actor: Actor, session: any StoreSession) async throws -> ConversationScope? {
        guard actor.role == .agent else { return nil }
        let inboxIDs = try await session.inboxes.inboxes(workspaceID: actor.workspaceID).filter(actor.maySee).map(\.id)
        return ConversationScope(inboxIDs: Set(inboxIDs), teamIDs: actor.teamIDs, userID: actor.userID)
    }

    /// The conversation, if it exists and the actor may see it (otherwise not found: an agent
    /// does not learn which conversations other teams have).
    func visibleConversation(id: String, actor: Actor, session: any StoreSession) async throws -> Conversation {
        let notFound = RapportError.notFound("No conversation \(id.prefix(64)) in this workspace.")
        guard let conversation = try await session.conversations.find(id: id, workspaceID: actor.workspaceID) else { throw notFound }
        if let scope = try await scope(of: actor, session: session), !scope.contains(conversation) { throw notFound }
        return conversation
    }

    /// Writes in a conversation. A reply is queued for its channel (`message.send`), a note
    /// stays private; `{{variables}}` are filled in first.
    public func reply(conversationID: String, _ input: ReplyInput, as actor: Actor) async throws -> Message {
        try actor.require(.workConversations)
        try validate(input)
        let input = try authored(input, by: actor)
        return try await context.writeRetryingConflicts { transaction in
            var conversation = try await visibleConversation(id: conversationID, actor: actor, session: transaction.session)
            guard let inbox = try await transaction.session.inboxes.inbox(id: conversation.inboxID) else {
                throw RapportError.notFound("The conversation's inbox is gone.")
            }
            return try await write(input, in: &conversation, inbox: inbox, transaction: transaction)
        }
    }

    /// Opens a conversation from Rapport's side: an agent writing first (on WhatsApp only
    /// with a template), or logging a store visit or call by hand in a `store` inbox.
    public func start(
        inboxID: String, customerID: String, _ input: ReplyInput, incoming: Bool = false, as actor: Actor
    ) async throws -> (Conversation, Message) {
        try actor.require(.workConversations)
        try validate(input)
        let input = try authored(input, by: actor)
        let workspaceID = actor.workspaceID
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard let inbox = try await session.inboxes.inbox(id: inboxID), actor.maySee(inbox) else {
                throw RapportError.invalid(field: "inbox_id", "names no inbox of this workspace")
            }
            guard let customer = try await session.customers.find(id: customerID, workspaceID: workspaceID), customer.deletedAt == nil
            else { throw RapportError.invalid(field: "customer_id", "names no live customer of this workspace") }
            if incoming && inbox.channel != .store {
                throw RapportError.invalid(field: "direction", "can be incoming only in a store inbox (a visit or call logged by hand)")
            }
            let contact: String
            if let kind = inbox.channel.identityKind {
                guard let identity = customer.identities.first(where: { $0.kind == kind }) else {
                    throw RapportError.invalid(field: "customer_id", "the customer has no \(kind.rawValue) identity to reach on \(inbox.channel.rawValue)")
                }
                contact = identity.value
            } else {
                contact = customer.id
            }
            let now = clock.now()
            var conversation = Conversation(
                id: ResourceID.make(.conversation, at: now), workspaceID: workspaceID, inboxID: inbox.id, customerID: customer.id,
                channel: inbox.channel, contact: contact, status: inbox.channel == .store ? .resolved : .open,
                assigneeID: input.authorID, teamID: inbox.teamID, lastMessageAt: now, createdAt: now, updatedAt: now,
                resolvedAt: inbox.channel == .store ? now : nil)
            try await session.conversations.insert(conversation)
            try await transaction.record(ConversationChange(.created, conversation))
            let message = try await write(input, in: &conversation, inbox: inbox, transaction: transaction, incoming: incoming)
            return (conversation, message)
        }
    }

    /// Changes who handles a conversation, its status, labels or priority.
    public func act(_ action: ConversationAction, conversationID: String, as actor: Actor) async throws -> Conversation {
        try actor.require(.workConversations)
        return try await context.writeRetryingConflicts { transaction in
            var conversation = try await visibleConversation(id: conversationID, actor: actor, session: transaction.session)
            let previous = conversation
            let now = clock.now()
            try await apply(action, to: &conversation, session: transaction.session, now: now)
            conversation.updatedAt = now
            try await transaction.session.conversations.update(conversation)
            try await transaction.record(ConversationChange(.updated, conversation, previous: previous))
            return conversation
        }
    }

    private func apply(_ action: ConversationAction, to conversation: inout Conversation, session: any StoreSession, now: Date) async throws {
        switch action {
        case .assign(let agentID, let teamID):
            if agentID == nil && teamID == nil { throw RapportError.invalid(field: "assignee_id", "or team_id is required") }
            if let agentID {
                guard try await session.inboxes.agent(id: agentID, workspaceID: conversation.workspaceID) != nil else {
                    throw RapportError.invalid(field: "assignee_id", "names no agent of this workspace")
                }
                conversation.assigneeID = agentID
                try await session.inboxes.markAssigned(agentID: agentID, at: now)
            }
            if let teamID {
                guard try await session.inboxes.team(id: teamID, workspaceID: conversation.workspaceID) != nil else {
                    throw RapportError.invalid(field: "team_id", "names no team of this workspace")
                }
                conversation.teamID = teamID
            }
        case .unassign:
            conversation.assigneeID = nil
        case .snooze(let until):
            guard until > now else { throw RapportError.invalid(field: "until", "must be in the future") }
            guard conversation.status != .resolved else {
                throw RapportError.conflict("A resolved conversation cannot be snoozed; reopen it first.")
            }
            conversation.status = .snoozed
            conversation.snoozedUntil = until
        case .resolve:
            conversation.markResolved(at: now)
        case .reopen:
            guard conversation.status != .open else { throw RapportError.conflict("The conversation is already open.") }
            conversation.status = .open
            conversation.resolvedAt = nil
            conversation.snoozedUntil = nil
        case .label(let add, let remove):
            var problems = Problems(prefix: nil)
            for (index, label) in add.enumerated() { problems.text(label, "add[\(index)]", maxLength: 50) }
            guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
            let removed = Set(remove.map { $0.trimmed.lowercased() })
            var labels = conversation.labels.filter { !removed.contains($0) }
            for label in add.map({ $0.trimmed.lowercased() }) where !labels.contains(label) { labels.append(label) }
            conversation.labels = labels
        case .priority(let priority):
            conversation.priority = priority
        }
    }

    /// The input with its author: a signed-in user is always the author of what they send (they
    /// may not write in a colleague's name); an integration with an API key may name the agent
    /// it writes for.
    private func authored(_ input: ReplyInput, by actor: Actor) throws -> ReplyInput {
        var authored = input
        if let userID = actor.userID {
            if let named = input.authorID, named != userID {
                throw RapportError.forbidden("You can only write as yourself: author_id must be your own user id (\(userID)) or left out.")
            }
            authored.authorID = userID
        }
        return authored
    }

    private func validate(_ input: ReplyInput) throws {
        var problems = Problems(prefix: nil)
        if input.text == nil && input.cannedResponseID == nil && input.template == nil && input.attachments.isEmpty {
            problems.add("text", "is required (or canned_response_id, or template)")
        }
        if let text = input.text { problems.text(text, "text", maxLength: 20_000) }
        if !input.attachments.isEmpty && !input.isPrivate {
            // Channels send text and templates so far; a file would silently not arrive.
            problems.add("attachments", "can go with private notes only for now; link the file in the text instead")
        }
        if let template = input.template {
            let validName = !template.name.isEmpty && template.name.count <= 512
                && template.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            if !validName { problems.add("template.name", "must be the template's name: a-z, 0-9 and _") }
            if template.language.isEmpty || template.language.count > 15 { problems.add("template.language", "must be a language code such as en_US") }
            if input.isPrivate { problems.add("private", "a note cannot be a template") }
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
    }

    /// Adds an agent's (or the bot's) message to the conversation inside the caller's
    /// transaction. A person answering a conversation the bot has opens it (the bot's
    /// `BotTakeOver` ends its session); the channel's `message.send` job and the timeline
    /// follow from the recorded change.
    func write(
        _ input: ReplyInput, in conversation: inout Conversation, inbox: Inbox, transaction: WriteTransaction, incoming: Bool = false
    ) async throws -> Message {
        let session = transaction.session
        let previous = conversation
        let now = clock.now()
        var text = input.text
        if let cannedID = input.cannedResponseID {
            guard let canned = try await session.inboxes.cannedResponse(id: cannedID, workspaceID: conversation.workspaceID) else {
                throw RapportError.invalid(field: "canned_response_id", "names no canned response (id or short code) of this workspace")
            }
            text = canned.content
        }
        if let template = text, template.contains("{{") {
            text = MessageTemplate.render(template, values: try await variables(for: conversation, input: input, session: session))
        }
        let sendsToProvider = !input.isPrivate && !incoming && inbox.channel != .store
        var held: String?
        if sendsToProvider {
            switch try await gate(input.purpose, conversation: conversation, inbox: inbox, session: session, now: now) {
            case .send: break
            case .noConsent(let reason): throw RapportError.invalid(field: "purpose", "Not sent: \(reason).")
            case .suppressed(let reason) where input.author != .bot: throw RapportError.conflict("Not sent: \(reason).")
            // The bot's answer is kept for the agents to see, marked as never sent.
            case .suppressed(let reason): held = "Not sent: \(reason)."
            }
        } else if input.purpose != nil {
            throw RapportError.invalid(field: "purpose", "is for messages sent to the customer, not notes or logged visits")
        }
        if sendsToProvider && inbox.channel == .whatsapp {
            try checkWindow(conversation, template: input.template, now: now)
        } else if input.template != nil {
            throw RapportError.invalid(field: "template", "templates are for WhatsApp inboxes only")
        }
        let message = Message(
            id: ResourceID.make(.message, at: now), workspaceID: conversation.workspaceID, conversationID: conversation.id,
            inboxID: inbox.id, direction: incoming ? .incoming : .outgoing, kind: input.template == nil ? .text : .template,
            author: incoming ? .customer : input.author, authorID: incoming ? conversation.customerID : input.authorID, text: text,
            attachments: input.attachments, content: input.template?.content ?? input.content, isPrivate: input.isPrivate,
            deliveryStatus: sendsToProvider ? (held == nil ? .pending : .failed) : nil, failureReason: held, purpose: input.purpose,
            createdAt: now, updatedAt: now)
        if !input.isPrivate {
            conversation.lastMessageAt = now
            if incoming {
                conversation.lastIncomingAt = now
            } else if input.author == .agent {
                // The team's response times count people's answers, not the bot's.
                SLAClock(policy: nil).agentReplied(&conversation, at: now)
                if conversation.status == .pending { conversation.status = .open }
            }
        }
        conversation.updatedAt = now
        try await session.conversations.update(conversation)
        try await session.conversations.insert(message)
        try await transaction.record([
            MessageChange(.created, message, in: conversation),
            ConversationChange(.updated, conversation, previous: previous),
        ])
        return message
    }

    /// What the consent gate says of a message to the conversation's contact: the customer's
    /// consent (after a merge, the survivor's), their pause, and the contact's suppressions.
    func gate(
        _ purpose: ConsentPurpose?, conversation: Conversation, inbox: Inbox, session: any StoreSession, now: Date
    ) async throws -> GateDecision {
        let channel = inbox.channel.consentChannel
        var suppressions: [SuppressionReason] = []
        if let channel {
            suppressions = try await session.suppressions.reasons(channel: channel, address: conversation.contact, workspaceID: conversation.workspaceID)
        }
        var consents: [ConsentState] = []
        var preferences: ContactPreferences?
        if purpose != nil {
            let customer = try await customers.liveCustomerOrSurvivor(id: conversation.customerID, workspaceID: conversation.workspaceID, session: session)
            consents = ConsentState.states(from: try await session.consents.history(customerID: customer.id, workspaceID: conversation.workspaceID))
            preferences = try await session.preferences.preferences(customerID: customer.id, workspaceID: conversation.workspaceID)
        }
        return ConsentGate.decide(
            purpose: purpose, channel: channel, consents: consents, preferences: preferences, suppressions: suppressions, now: now)
    }

    /// WhatsApp's rule: free-form messages only within 24 hours of the customer's last
    /// message; outside it, only a template.
    private func checkWindow(_ conversation: Conversation, template: TemplateMessage?, now: Date) throws {
        guard template == nil else { return }
        let open = conversation.lastIncomingAt.map { now.timeIntervalSince($0) < Self.customerServiceWindow } ?? false
        if !open {
            throw RapportError.invalid(
                field: "template",
                "is required: the customer last wrote more than 24 hours ago (or never), and WhatsApp only delivers template messages outside its 24-hour customer-service window")
        }
    }

    private func variables(for conversation: Conversation, input: ReplyInput, session: any StoreSession) async throws -> [String: String] {
        let customer = try await session.customers.find(id: conversation.customerID, workspaceID: conversation.workspaceID)
        var order: Order?
        if let orderID = input.orderID {
            order = try await session.orders.find(id: orderID, workspaceID: conversation.workspaceID)
            if order == nil { throw RapportError.invalid(field: "order_id", "names no order of this workspace") }
        } else {
            order = try await session.orders.list(
                filter: OrderFilter(customerID: conversation.customerID), workspaceID: conversation.workspaceID,
                page: try PageRequest(limit: 1)).items.first
        }
        var agent: User?
        if let authorID = input.authorID { agent = try await session.inboxes.agent(id: authorID, workspaceID: conversation.workspaceID) }
        return MessageTemplate.values(customer: customer, order: order, agent: agent)
    }
}

