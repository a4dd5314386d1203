import Foundation
import RapportLearning

/// The support bot: answers customer messages of `pending` conversations in the inboxes it
/// is switched on for (a `bot.reply` job per message), does the order work it can, and hands
/// the rest to a person with a note. Everything one message leads to (replies, a return, a
/// cancellation, the hand-off) commits in one transaction.
public struct BotService: Sendable {
    public let conversations: ConversationService
    public let commerce: CommerceService
    /// Points told and spent on a reward.
    public let loyalty: LoyaltyService
    /// Where the help articles the bot quotes can be read.
    public let helpLinks: any HelpArticleLinks
    let models = BotModels()
    /// A pending conversation nobody wrote in for this long closes (`bot.idle`).
    public static let idleClose: TimeInterval = 24 * 3600
    var context: CoreContext { conversations.context }
    var store: any DataStore { conversations.store }
    var clock: any WallClock { conversations.clock }

    public init(conversations: ConversationService, commerce: CommerceService, loyalty: LoyaltyService, helpLinks: any HelpArticleLinks) {
        self.conversations = conversations
        self.commerce = commerce
        self.loyalty = loyalty
        self.helpLinks = helpLinks
    }

    /// Runs a `bot.reply` job.
    public func answer(_ job: Job) async throws {
        let payload = try job.decode(BotReplyPayload.self)
        guard let message = try await store.read({ session in try await session.conversations.message(id: payload.messageID) })
        else { return }
        let written = message.text?.trimmed ?? ""
        let analysis = try await analyze(written, workspaceID: message.workspaceID)
        // A photo, a voice note or a file without words: a person looks at it.
        let text = written.isEmpty ? "[\(message.kind.rawValue)]" : written
        do {
            try await takeTurn(message: message, text: text, analysis: analysis, forced: written.isEmpty ? (.attachment, nil) : nil)
        } catch let BotActionError.refused(reason) {
            // The store changed under the bot (the order shipped meanwhile…): a person takes over.
            try await takeTurn(message: message, text: text, analysis: analysis, forced: (.notAllowed, reason))
        }
    }

    /// The intent, entities, sentiment and help-centre answer of a text, as the bot reads it.
    public func analyze(_ text: String, as actor: Actor) async throws -> BotAnalysis {
        try await analyze(text, workspaceID: actor.workspaceID)
    }

    func analyze(_ text: String, workspaceID: String) async throws -> BotAnalysis {
        let (set, articles) = try await store.read { session in
            (try await intentSet(workspaceID: workspaceID, session: session), try await session.helpArticles.articles(workspaceID: workspaceID))
        }
        let classifier = await models.classifier(for: set)
        let index = KnowledgeIndex(articles: articles.map { KnowledgeArticle(id: $0.id, title: $0.title, body: $0.body) })
        let knowledge = index.answer(text).flatMap { answer in
            articles.first { $0.id == answer.articleID }.map { (answer: answer, link: helpLinks.link(workspaceID: workspaceID, slug: $0.slug)) }
        }
        return BotAnalysis(
            prediction: classifier.predict(text), entities: EntityExtractor().entities(in: text, today: clock.now()),
            sentiment: SentimentAnalyzer().analyze(text), knowledge: knowledge,
            intentAnswers: Dictionary(set.intents.compactMap { intent in intent.answer.map { (intent.name, $0) } }, uniquingKeysWith: { a, _ in a }),
            intentSetVersion: set.version)
    }

    func intentSet(workspaceID: String, session: any StoreSession) async throws -> BotIntentSet {
        try await session.bot.latestIntentSet(workspaceID: workspaceID)?.withBuiltInsAdded()
            ?? .builtIn(workspaceID: workspaceID)
    }

    /// Answers one message; `forced` hands off without reading it (why, and what went wrong).
    private func takeTurn(message: Message, text: String, analysis: BotAnalysis, forced: (HandoffReason, String?)?) async throws {
        try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard var conversation = try await session.conversations.find(id: message.conversationID, workspaceID: nil),
                conversation.status == .pending,
                let inbox = try await session.inboxes.inbox(id: conversation.inboxID),
                let settings = try await session.bot.settings(workspaceID: conversation.workspaceID),
                settings.inboxIDs.contains(inbox.id)
            else { return }
            let now = clock.now()
            var botSession = try await session.bot.session(conversationID: conversation.id)
                ?? BotSession(conversationID: conversation.id, workspaceID: conversation.workspaceID, startedAt: now, updatedAt: now)
            if let last = botSession.state.lastMessageID, message.id <= last { return }
            if botSession.outcome != .active {
                // The customer came back to a closed conversation: a fresh start.
                botSession.state = BotState()
                botSession.outcome = .active
                botSession.handoffReason = nil
            }
            let known = try await loadContext(
                text: text, analysis: analysis, settings: settings, conversation: conversation, state: botSession.state,
                session: session, now: now)
            var dialogue = BotDialogue(state: botSession.state, context: known)
            if let (reason, detail) = forced {
                dialogue.handOff(reason, because: detail)
            } else {
                dialogue.respond()
            }
            var state = dialogue.state
            let turn = dialogue.turn
            var filled: [String: String] = [:]
            for action in turn.actions {
                let values = try await apply(action, conversation: conversation, language: dialogue.language, transaction: transaction)
                filled.merge(values) { _, new in new }
            }
            state.tried = state.tried.map { MessageTemplate.render($0, values: filled) }
            state.lastMessageID = message.id
            let windowOpen = inbox.channel != .whatsapp
                || conversation.lastIncomingAt.map { now.timeIntervalSince($0) < ConversationService.customerServiceWindow } ?? false
            for reply in turn.replies where windowOpen {
                let text = BotChannelRules.fit(
                    MessageTemplate.render(reply, values: filled), to: inbox.channel, keeping: filled["reward.code"].map { [$0] } ?? [])
                _ = try await conversations.write(ReplyInput(text: text, author: .bot), in: &conversation, inbox: inbox, transaction: transaction)
            }
            if turn.productAsked {
                try await transaction.record(ProductQuestionChange(
                    workspaceID: conversation.workspaceID, conversationID: conversation.id, customerID: conversation.customerID, inboxID: inbox.id,
                    channel: conversation.channel, messageID: message.id, answered: turn.productAnswered && windowOpen,
                    verified: known.channelVerified))
            }
            if let reason = turn.handoff {
                let note = BotHandoffNote(
                    reason: reason, state: state, context: known, order: state.orderID.flatMap(known.order(id:)))
                _ = try await conversations.write(
                    ReplyInput(text: note.text, isPrivate: true, author: .bot), in: &conversation, inbox: inbox, transaction: transaction)
                try await BotHandoff.handOff(&conversation, inbox: inbox, in: transaction)
                botSession.outcome = .handedOff
                botSession.handoffReason = reason
            } else if turn.resolves {
                try await close(&conversation, in: transaction)
                botSession.outcome = .contained
            } else {
                let idle = BotIdlePayload(conversationID: conversation.id, messageID: message.id)
                try await session.jobs.enqueue(
                    [try JobRequest(idle, runAt: now.addingTimeInterval(Self.idleClose), uniqueKey: message.id, maxAttempts: 5)], now: now)
            }
            botSession.state = state
            botSession.turns += 1
            botSession.updatedAt = now
            try await session.bot.save(botSession)
        }
    }

    /// Runs a `bot.idle` job: a pending conversation in which nothing happened since the bot
    /// answered `messageID` closes; contained when the bot had finished, abandoned when it was
    /// still waiting for an answer.
    public func closeIdle(_ job: Job) async throws {
        let payload = try job.decode(BotIdlePayload.self)
        try await context.write { transaction in
            guard var conversation = try await transaction.session.conversations.find(id: payload.conversationID, workspaceID: nil),
                conversation.status == .pending,
                var botSession = try await transaction.session.bot.session(conversationID: conversation.id),
                botSession.outcome == .active, botSession.state.lastMessageID == payload.messageID
            else { return }
            try await close(&conversation, in: transaction)
            botSession.outcome = botSession.state.awaiting == nil ? .contained : .abandoned
            botSession.updatedAt = clock.now()
            try await transaction.session.bot.save(botSession)
        }
    }

    private func close(_ conversation: inout Conversation, in transaction: WriteTransaction) async throws {
        let previous = conversation
        conversation.markResolved(at: clock.now())
        conversation.updatedAt = clock.now()
        try await transaction.session.conversations.update(conversation)
        try await transaction.record(ConversationChange(.updated, conversation, previous: previous))
    }

    /// Carries out one of the bot's changes; returns what its replies name (`return.id` of a
    /// return it opened, `reward.code` and `reward.expires` of a reward code it issued).
    private func apply(
        _ action: BotAction, conversation: Conversation, language: BotLanguage, transaction: WriteTransaction
    ) async throws -> [String: String] {
        let workspaceID = conversation.workspaceID
        do {
            switch action {
            case .openReturn(let input):
                return ["return.id": try await commerce.requestReturn(input, workspaceID: workspaceID, transaction: transaction).id]
            case .cancelOrder(let orderID):
                _ = try await commerce.changeStatus(orderID: orderID, to: .cancelled, workspaceID: workspaceID, transaction: transaction)
            case .changeAddress(let orderID, let address):
                _ = try await commerce.changeShippingAddress(orderID: orderID, to: address, workspaceID: workspaceID, transaction: transaction)
            case .issueReward(let customerID, let rewardKey):
                let issued = try await loyalty.issueReward(
                    customerID: customerID, rewardKey: rewardKey, by: .system("bot", workspaceID: workspaceID), in: transaction)
                return ["reward.code": issued.code, "reward.expires": OrderNarration.day(issued.lastWholeDay, in: language)]
            case .openLead(let request):
                // On the conversation's own customer: the chat asserts nothing new about who they are.
                let enquiry = LeadEnquiry(source: .chat, originID: conversation.id, title: request.isEmpty ? nil : request)
                let opened = try await LeadOpening.open(
                    enquiry, customerID: conversation.customerID, by: .system("bot", workspaceID: workspaceID), in: transaction)
                return ["lead.id": opened.lead.id]
            }
            return [:]
        } catch RapportError.conflict(let reason) {
            throw BotActionError.refused(reason)
        } catch RapportError.invalid(let problems) {
            throw BotActionError.refused(problems.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
        } catch RapportError.notFound(let reason), RapportError.gone(let reason) {
            // The customer or order went meanwhile (deleted, erased): a person looks.
            throw BotActionError.refused(reason)
        } catch RapportError.mergedInto(let survivor) {
            throw BotActionError.refused("the customer was merged into \(survivor) meanwhile")
        }
    }

    private func loadContext(
        text: String, analysis: BotAnalysis, settings: BotSettings, conversation: Conversation, state: BotState,
        session: any StoreSession, now: Date
    ) async throws -> BotContext {
        let workspaceID = conversation.workspaceID
        let customer = try await session.customers.find(id: conversation.customerID, workspaceID: workspaceID)
        let customerOrders = try await session.orders.list(
            filter: OrderFilter(customerID: conversation.customerID), workspaceID: workspaceID, page: try PageRequest(limit: 10)).items
        var named: [Order] = []
        for number in analysis.entities.filter({ $0.kind == .orderNumber }).map(\.value).prefix(3) {
            named += try await session.orders.find(number: number, workspaceID: workspaceID)
            if !number.hasPrefix("#") { named += try await session.orders.find(number: "#\(number)", workspaceID: workspaceID) }
        }
        if let orderID = state.orderID, let current = try await session.orders.find(id: orderID, workspaceID: workspaceID) {
            named.append(current)
        }
        var returns: [String: [OrderReturn]] = [:]
        for order in named + customerOrders.prefix(1) where returns[order.id] == nil {
            returns[order.id] = try await session.returns.returns(orderID: order.id, workspaceID: workspaceID)
        }
        var loyalty: BotLoyalty?
        let aboutPoints = state.task?.isPointsTask == true
            || analysis.prediction.intent.flatMap(BuiltInIntent.init(rawValue:))?.isPointsTask == true
        if aboutPoints, let program = try await session.loyalty.program(workspaceID: workspaceID) {
            // The conversation's customer and the customers of the orders in hand: whoever the
            // person proves to be, the dialogue finds their account here.
            var accounts: [String: LoyaltyAccount] = [:]
            for customerID in Set([conversation.customerID] + named.map(\.customerID)) {
                guard let record = try await session.loyalty.account(customerID: customerID, workspaceID: workspaceID, page: try PageRequest(limit: 1))
                else { continue }
                accounts[customerID] = try await LoyaltyService.account(record, customerID: customerID, workspaceID: workspaceID, at: now, session: session)
            }
            loyalty = BotLoyalty(program: program, accounts: accounts)
        }
        let channelVerified = ContactIdentity.proves(
            channel: conversation.channel, address: conversation.contact, customer: customer,
            normalizer: conversations.customers.normalizer)
        return BotContext(
            text: text, prediction: analysis.prediction, entities: analysis.entities, sentiment: analysis.sentiment,
            settings: settings, channel: conversation.channel, customer: customer, channelVerified: channelVerified,
            customerOrders: customerOrders, namedOrders: named, returnsByOrder: returns, knowledge: analysis.knowledge,
            intentAnswers: analysis.intentAnswers, loyalty: loyalty, now: now)
    }
}
