import Foundation

/// Voice of the customer: NPS, CSAT and CES surveys sent on the customer's channel (the link
/// by e-mail, a number by SMS, WhatsApp or chat) after a resolved conversation, some days
/// after delivery, or by hand; answers on the customer (attribute, timeline), negative ones
/// followed up by the team; and the figures with their response rate and margin of error.
public struct SurveyService: Sendable {
    public static let defaultPeriodDays = 90

    let conversations: ConversationService
    let asking: SurveyAsking
    var customers: CustomerService { conversations.customers }
    var context: CoreContext { customers.context }
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(conversations: ConversationService, links: any SurveyLinks, signer: any LinkSigner) {
        self.conversations = conversations
        self.asking = SurveyAsking(conversations: conversations, links: links, signer: signer)
    }

    // MARK: Settings

    public func settings(as actor: Actor) async throws -> SurveySettings {
        try actor.require(.viewSurveys)
        return try await store.read { session in try await session.surveys.settings(workspaceID: actor.workspaceID) ?? .off }
    }

    public func setSettings(_ settings: SurveySettings, as actor: Actor) async throws -> SurveySettings {
        try actor.require(.manageSurveys)
        let settings = try SurveyRules.checked(settings)
        return try await context.write { transaction in
            if let team = settings.followUpTeamID, try await transaction.session.inboxes.team(id: team, workspaceID: actor.workspaceID) == nil {
                throw RapportError.invalid(field: "follow_up_team_id", "names no team of this workspace")
            }
            try await transaction.session.surveys.save(settings, workspaceID: actor.workspaceID, at: transaction.now)
            try await transaction.audit(
                AuditRecord(
                    .surveySettingsChanged, subject: .workspace(actor.workspaceID),
                    details: ["csat_after_conversations": String(settings.csatAfterConversations),
                              "nps_after_delivery_days": settings.npsAfterDeliveryDays.map(String.init) ?? "off",
                              "quiet_days": String(settings.quietDays)]),
                by: actor)
            return settings
        }
    }

    // MARK: Sending

    /// Sends a survey now, through `inboxID` or the first inbox that reaches the customer
    /// (e-mail, then SMS); needs the customer's consent to surveys on that channel.
    /// `ignoreQuietPeriod` sends even if they were surveyed lately.
    public func send(customerID: String, kind: SurveyKind, inboxID: String?, ignoreQuietPeriod: Bool = false, as actor: Actor) async throws -> Survey {
        try actor.require(.sendSurveys)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let customer = try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session)
            let places: [SurveyAsking.Place]
            if let inboxID {
                guard let inbox = try await session.inboxes.inbox(id: inboxID), inbox.workspaceID == actor.workspaceID else {
                    throw RapportError.invalid(field: "inbox_id", "names no inbox of this workspace")
                }
                places = try await Self.places(for: customer, channels: [inbox.channel], inboxes: [inbox], session: session, at: transaction.now)
                guard !places.isEmpty else {
                    throw RapportError.invalid(field: "inbox_id", "the customer has no address on \(inbox.channel.rawValue), or surveys cannot go there")
                }
            } else {
                let inboxes = try await session.inboxes.inboxes(workspaceID: actor.workspaceID)
                places = try await Self.places(for: customer, channels: SurveyRules.channelPreference, inboxes: inboxes, session: session, at: transaction.now)
            }
            let request = SurveyAsking.Request(
                kind: kind, trigger: .manual, sentBy: actor.label, origin: nil, honoursQuietPeriod: !ignoreQuietPeriod)
            switch try await asking.ask(request, in: places, transaction: transaction) {
            case .success(let survey): return survey
            case .failure(let skip): throw RapportError.conflict("Not sent: \(skip.explanation).")
            }
        }
    }

    /// Runs a `survey.send` job: the CSAT of a resolved conversation, or the NPS of a
    /// delivered order. What the rules stop is dropped (answered as the reason), not retried.
    @discardableResult
    public func sendDue(_ job: Job) async throws -> Result<Survey, SurveySkip> {
        let payload = try job.decode(SurveySendPayload.self)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            if let customerID = payload.customerID, let kind = payload.kind, let journeyID = payload.journeyID, let origin = payload.origin {
                // A journey's step asked for it: sent whatever the automatic surveys' settings,
                // under the rules every survey passes (the quiet period, consent, suppressions).
                guard let customer = try? await customers.liveCustomer(id: customerID, workspaceID: payload.workspaceID, session: session),
                    customer.deletedAt == nil
                else { return .failure(.customerGone) }
                let inboxes = try await session.inboxes.inboxes(workspaceID: payload.workspaceID)
                let places = try await Self.places(for: customer, channels: SurveyRules.channelPreference, inboxes: inboxes, session: session, at: now)
                let request = SurveyAsking.Request(kind: kind, trigger: .journey, sentBy: "journey:\(journeyID)", origin: origin)
                return try await asking.ask(request, in: places, transaction: transaction)
            }
            let settings = try await session.surveys.settings(workspaceID: payload.workspaceID) ?? .off
            if let conversationID = payload.conversationID {
                guard settings.csatAfterConversations else { return .failure(.surveysOff) }
                guard let conversation = try await session.conversations.find(id: conversationID, workspaceID: payload.workspaceID),
                    let inbox = try await session.inboxes.inbox(id: conversation.inboxID)
                else { return .failure(.notResolved) }
                guard conversation.status == .resolved else { return .failure(.notResolved) }
                // A backlog resolved in bulk, or a follow-up of an answer, asks nobody again.
                guard let wrote = conversation.lastIncomingAt, now.timeIntervalSince(wrote) < SurveyRules.staleConversation else {
                    return .failure(.stale)
                }
                if try await session.surveys.isFollowUp(conversationID: conversation.id) { return .failure(.followUp) }
                guard let customer = try? await customers.liveCustomer(id: conversation.customerID, workspaceID: payload.workspaceID, session: session),
                    customer.deletedAt == nil
                else { return .failure(.customerGone) }
                let origin = "conversation:\(conversation.id):\(Timestamp.microseconds(conversation.resolvedAt ?? now))"
                let request = SurveyAsking.Request(kind: .csat, trigger: .conversationResolved, rated: conversation, sentBy: "rapport", origin: origin)
                return try await asking.ask(request, in: [SurveyAsking.Place(conversation: conversation, inbox: inbox, isNew: false)], transaction: transaction)
            }
            guard let orderID = payload.orderID, let days = settings.npsAfterDeliveryDays else { return .failure(.surveysOff) }
            guard let order = try await session.orders.find(id: orderID, workspaceID: payload.workspaceID), order.status == .delivered,
                let customer = try? await customers.liveCustomer(id: order.customerID, workspaceID: payload.workspaceID, session: session),
                customer.deletedAt == nil
            else { return .failure(.customerGone) }
            let due = (order.deliveredAt ?? now).addingTimeInterval(Double(days) * 86_400)
            guard now.timeIntervalSince(due) < SurveyRules.lateDelivery else { return .failure(.stale) }
            let inboxes = try await session.inboxes.inboxes(workspaceID: payload.workspaceID)
            let places = try await Self.places(for: customer, channels: SurveyRules.channelPreference, inboxes: inboxes, session: session, at: now)
            let request = SurveyAsking.Request(kind: .nps, trigger: .orderDelivered, orderID: order.id, sentBy: "rapport", origin: "order:\(order.id)")
            return try await asking.ask(request, in: places, transaction: transaction)
        }
    }

    /// Where a survey of its own may reach the customer, in the order of `channels`: on a
    /// windowed channel their latest conversation in the inbox (the 24-hour window runs from
    /// their last message there), elsewhere a new conversation, resolved from the start so it
    /// waits in nobody's inbox.
    static func places(
        for customer: Customer, channels: [InboxChannel], inboxes: [Inbox], session: any StoreSession, at now: Date
    ) async throws -> [SurveyAsking.Place] {
        var places: [SurveyAsking.Place] = []
        for channel in channels where SurveyRules.canAsk(on: channel) && channel != .webchat {
            guard let kind = channel.identityKind, let identity = customer.identities.first(where: { $0.kind == kind }) else { continue }
            for inbox in inboxes where inbox.channel == channel {
                if SurveyRules.windowedChannels.contains(channel) {
                    if let latest = try await session.conversations.latest(inboxID: inbox.id, contact: identity.value) {
                        places.append(SurveyAsking.Place(conversation: latest, inbox: inbox, isNew: false))
                    }
                    continue
                }
                let conversation = Conversation(
                    id: ResourceID.make(.conversation, at: now), workspaceID: customer.workspaceID, inboxID: inbox.id, customerID: customer.id,
                    channel: channel, contact: identity.value,
                    subject: BotLanguage.of(locale: customer.profile.locale).say("A quick question", "Pertanyaan singkat"), status: .resolved, teamID: inbox.teamID,
                    labels: [SurveyRules.conversationLabel], lastMessageAt: now, createdAt: now, updatedAt: now, resolvedAt: now)
                places.append(SurveyAsking.Place(conversation: conversation, inbox: inbox, isNew: true))
            }
        }
        return places
    }

    // MARK: Answers

    /// The survey a public link names, if its signature is this installation's.
    public func page(surveyID: String, signature: String) async throws -> SurveyPage {
        guard ResourceID.isValid(surveyID, prefix: .survey), asking.isValid(signature, surveyID: surveyID) else {
            throw RapportError.notFound("No such survey.")
        }
        return try await store.read { session in
            guard let survey = try await session.surveys.find(id: surveyID, workspaceID: nil) else { throw RapportError.notFound("No such survey.") }
            return SurveyPage(
                survey: survey, store: try await session.workspaces.find(id: survey.workspaceID)?.name ?? "",
                expired: clock.now().timeIntervalSince(survey.sentAt) > SurveyRules.linkLifetime)
        }
    }

    /// The answer from the survey's page. A survey takes one answer: the same score again
    /// changes nothing (a second click, the back button), a comment may be added to an answer
    /// given without one, another score is a 409. A link older than 30 days is a 410.
    public func answer(surveyID: String, signature: String, score: Int, comment: String?) async throws -> Survey {
        let page = try await page(surveyID: surveyID, signature: signature)
        guard page.survey.kind.scale.contains(score) else {
            throw RapportError.invalid(field: "score", "must be \(page.survey.kind.scale.lowerBound) to \(page.survey.kind.scale.upperBound)")
        }
        let comment = comment?.trimmed.prefix(SurveyReply.maximumCommentLength).description
        let given = comment?.isEmpty == false ? comment : nil
        return try await context.writeRetryingConflicts { transaction in
            guard let survey = try await transaction.session.surveys.find(id: surveyID, workspaceID: nil) else {
                throw RapportError.notFound("No such survey.")
            }
            let answering = SurveyAnswering(conversations: conversations)
            if survey.status == .answered {
                guard survey.score == score else { throw RapportError.conflict("This survey was answered already.") }
                guard let given, survey.comment == nil else { return survey }
                return try await answering.addComment(given, to: survey, transaction: transaction)
            }
            guard transaction.now.timeIntervalSince(survey.sentAt) <= SurveyRules.linkLifetime else {
                throw RapportError.gone("This survey closed 30 days after it was sent.")
            }
            return try await answering.record(SurveyReply(score: score, comment: given), to: survey, via: "link", transaction: transaction)
        }
    }

    /// "No more surveys" from the survey's page: the customer refuses surveys on the channel
    /// it came by, recorded as consent with the page as its source and the request as witness.
    public func refuse(surveyID: String, signature: String, witness: ConsentWitness) async throws -> SurveyPage {
        let page = try await page(surveyID: surveyID, signature: signature)
        guard let channel = page.survey.channel.consentChannel else { return page }
        let consents = ConsentService(customers: customers)
        try await context.writeRetryingConflicts { transaction in
            let customer = try await customers.liveCustomerOrSurvivor(
                id: page.survey.customerID, workspaceID: page.survey.workspaceID, session: transaction.session)
            _ = try await consents.change(
                ConsentInput(
                    purpose: ConsentPurpose.surveys.rawValue, channel: channel.rawValue, status: "denied",
                    text: "\(Survey.noMore(in: page.survey.language)) (asked on the page of survey \(page.survey.id))"),
                source: .surveyPage, customerID: customer.id, witness: witness, actor: PreferenceService.customerActor,
                workspaceID: page.survey.workspaceID, in: transaction)
        }
        var refused = page
        refused.refused = true
        return refused
    }

    // MARK: Reading

    public func find(id: String, as actor: Actor) async throws -> Survey {
        try actor.require(.viewSurveys)
        return try await store.read { session in
            guard let survey = try await session.surveys.find(id: id, workspaceID: actor.workspaceID) else {
                throw RapportError.notFound("No survey with id \(id.prefix(64)).")
            }
            return survey
        }
    }

    public func list(customerID: String?, kind: SurveyKind?, status: SurveyStatus?, page: PageRequest, as actor: Actor) async throws -> Page<Survey> {
        try actor.require(.viewSurveys)
        return try await store.read { session in
            try await session.surveys.list(workspaceID: actor.workspaceID, customerID: customerID, kind: kind, status: status, page: page)
        }
    }

    /// The figures of the surveys of `kind` sent in `[from, to)`: the last 90 days by default.
    public func figures(kind: SurveyKind, from: Date? = nil, to: Date? = nil, as actor: Actor) async throws -> SurveyBreakdown {
        try actor.require(.viewInsights)
        let end = to ?? clock.now()
        let start = from ?? end.addingTimeInterval(-Double(Self.defaultPeriodDays) * 86_400)
        guard start < end else { throw RapportError.invalid(field: "from", "must be before to") }
        return try await store.read { session in
            SurveyBreakdown(kind: kind, tallies: try await session.surveys.tallies(kind: kind, workspaceID: actor.workspaceID, from: start, to: end),
                from: start, to: end)
        }
    }
}
