import Foundation

/// Writes a survey's question into a conversation as the bot and records the survey, inside
/// the caller's transaction, after the rules that apply to every survey: the quiet period,
/// consent (a survey after a conversation goes unless the customer said no to surveys there
/// or paused messages; any other needs their yes, through the consent gate), suppressions
/// (any, for either), and the 24-hour window of WhatsApp, Messenger and Instagram.
struct SurveyAsking {
    let conversations: ConversationService
    let links: any SurveyLinks
    let signer: any LinkSigner

    struct Request {
        var kind: SurveyKind
        var trigger: SurveyTrigger
        var orderID: String?
        var rated: Conversation?
        var sentBy: String
        var origin: String?
        var honoursQuietPeriod = true
    }

    /// Where a survey may go: an existing conversation, or one to open for it.
    struct Place {
        var conversation: Conversation
        var inbox: Inbox
        var isNew: Bool
    }

    /// Asks in the first of `places` the rules let it reach; the first place's reason when none.
    func ask(_ request: Request, in places: [Place], transaction: WriteTransaction) async throws -> Result<Survey, SurveySkip> {
        guard let first = places.first else { return .failure(.noChannel) }
        let session = transaction.session
        let now = transaction.now
        let workspaceID = first.conversation.workspaceID
        let settings = try await session.surveys.settings(workspaceID: workspaceID) ?? .off
        if request.honoursQuietPeriod,
            let last = try await session.surveys.lastSentAt(customerID: first.conversation.customerID, workspaceID: workspaceID),
            now.timeIntervalSince(last) < Double(settings.quietDays) * 86_400
        {
            return .failure(.surveyedRecently)
        }
        var reason: SurveySkip?
        for place in places {
            if let skip = try await check(request, place, session: session, now: now) {
                reason = reason ?? skip
                continue
            }
            do {
                return .success(try await ask(request, in: place, transaction: transaction))
            } catch let skip as SurveySkip {
                // Thrown before anything is written.
                return .failure(skip)
            }
        }
        return .failure(reason ?? .noChannel)
    }

    /// Why the survey cannot go to `place`; nil when it can.
    private func check(_ request: Request, _ place: Place, session: any StoreSession, now: Date) async throws -> SurveySkip? {
        let (conversation, inbox) = (place.conversation, place.inbox)
        if request.trigger == .conversationResolved {
            let channel = inbox.channel.consentChannel
            if let channel, !(try await session.suppressions.reasons(channel: channel, address: conversation.contact, workspaceID: conversation.workspaceID)).isEmpty {
                return .suppressed
            }
            let consents = ConsentState.states(from: try await session.consents.history(customerID: conversation.customerID, workspaceID: conversation.workspaceID))
            if SurveyRules.refused(consents, channel: channel, now: now) { return .noConsent }
            if try await session.preferences.preferences(customerID: conversation.customerID, workspaceID: conversation.workspaceID)?.isPaused(at: now) == true {
                return .paused
            }
        } else {
            switch try await conversations.gate(.surveys, conversation: conversation, inbox: inbox, session: session, now: now) {
            case .send: break
            case .noConsent: return .noConsent
            case .suppressed: return .suppressed
            }
        }
        if SurveyRules.windowedChannels.contains(inbox.channel),
            conversation.lastIncomingAt.map({ now.timeIntervalSince($0) < ConversationService.customerServiceWindow }) != true
        {
            return .outsideWhatsAppWindow
        }
        return nil
    }

    private func ask(_ request: Request, in place: Place, transaction: WriteTransaction) async throws -> Survey {
        let session = transaction.session
        let now = transaction.now
        var conversation = place.conversation
        let locale = try await session.customers.find(id: conversation.customerID, workspaceID: conversation.workspaceID)?.profile.locale
        let language = BotLanguage.of(locale: locale)
        let store = try await session.workspaces.find(id: conversation.workspaceID)?.name ?? language.say("us", "kami")
        var survey = Survey(
            id: ResourceID.make(.survey, at: now), workspaceID: conversation.workspaceID, customerID: conversation.customerID, kind: request.kind,
            trigger: request.trigger, channel: place.inbox.channel, inboxID: place.inbox.id, conversationID: conversation.id,
            openedConversation: place.isNew, ratedConversationID: request.rated?.id, orderID: request.orderID, handledBy: nil, teamID: request.rated?.teamID,
            question: request.kind.question(store: store, in: language), sentBy: request.sentBy, sentAt: now, language: language)
        if let rated = request.rated {
            survey.handledBy = try await Self.handler(of: rated, session: session)
        }
        if let origin = request.origin, try await session.surveys.exists(origin: origin, workspaceID: survey.workspaceID) {
            throw SurveySkip.alreadySent
        }
        if place.isNew {
            try await session.conversations.insert(conversation)
            try await transaction.record(ConversationChange(.created, conversation))
        }
        let link = links.answerURL(surveyID: survey.id, signature: String(signer.signature(of: Self.signed(survey.id)).prefix(SurveyRules.signatureLength)))
        let text = SurveyRules.message(kind: request.kind, store: store, channel: place.inbox.channel, link: link, language: language)
        let purpose: ConsentPurpose? = request.trigger == .conversationResolved ? nil : .surveys
        let card = place.inbox.channel == .webchat ? SurveyCard(surveyID: survey.id, kind: request.kind, language: language).content : nil
        let question = try await conversations.write(
            ReplyInput(text: text, author: .bot, purpose: purpose, content: card), in: &conversation, inbox: place.inbox, transaction: transaction)
        survey.questionMessageID = question.id
        // The origin was free a moment ago; another process taking it since undoes all of this.
        guard try await session.surveys.insert(survey, origin: request.origin) else {
            throw RapportError.conflict("This survey was sent already.")
        }
        try await transaction.record(SurveyChange(.sent, survey))
        return survey
    }

    /// Whether `signature` is the link's of `surveyID`.
    func isValid(_ signature: String, surveyID: String) -> Bool {
        signature.count == SurveyRules.signatureLength && signer.isValid(prefix: signature, of: Self.signed(surveyID))
    }

    /// Who the customer rates for a conversation: its agent, or the bot when people never took it.
    static func handler(of conversation: Conversation, session: any StoreSession) async throws -> String? {
        if let agent = conversation.assigneeID { return agent }
        guard let bot = try await session.bot.session(conversationID: conversation.id) else { return nil }
        return bot.outcome == .handedOff ? nil : Survey.bot
    }

    /// What a survey's link signs.
    static func signed(_ surveyID: String) -> String { "survey:\(surveyID)" }
}
