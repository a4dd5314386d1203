import Foundation

/// What an answer changes, whichever way it came (the link, a text reply): the survey, the
/// customer's `last_<kind>_score` attribute (for segments and journeys), their timeline, the
/// `survey.answered` event, and for a negative answer a follow-up conversation for the team
/// with the answer as a private note.
struct SurveyAnswering {
    let conversations: ConversationService

    /// `reference`: the provider's id of the text that carried the answer (nil for the link);
    /// the follow-up then counts the customer as having just written (its 24-hour window open).
    func record(_ reply: SurveyReply, to survey: Survey, via: String, reference: String? = nil, transaction: WriteTransaction) async throws -> Survey {
        let session = transaction.session
        let now = transaction.now
        var survey = survey
        survey.status = .answered
        survey.score = reply.score
        survey.comment = reply.comment
        survey.answeredVia = via
        survey.answeredAt = now
        if let customer = try await liveCustomer(of: survey, session: session) {
            try await remember(reply.score, of: survey, on: customer, transaction: transaction)
            let summary = "\(survey.kind.rawValue.uppercased()) \(reply.score)" + (reply.comment.map { ": “\($0.prefix(200))”" } ?? "")
            var payload: [String: JSONValue] = [
                "survey_id": .string(survey.id), "kind": .string(survey.kind.rawValue), "score": .number(Double(reply.score)),
            ]
            if let comment = reply.comment { payload["comment"] = .string(comment) }
            try await session.interactions.insert([
                Interaction(
                    id: ResourceID.make(.interaction, at: now), workspaceID: survey.workspaceID, customerID: customer.id,
                    channel: survey.channel.timelineChannel, direction: .inbound, kind: .surveyAnswered, summary: summary, occurredAt: now,
                    payload: .object(payload), createdAt: now)
            ])
            if survey.kind.isNegative(reply.score) {
                survey.followUpConversationID = try await followUp(
                    survey, customerID: customer.id, customerWrote: reference == nil ? nil : now, transaction: transaction)
            }
        }
        try await session.surveys.update(survey, reference: reference)
        try await transaction.record(SurveyChange(.answered, survey))
        return survey
    }

    /// A comment given on the page after a score given without one: on the survey, and as a
    /// note in the follow-up conversation when the answer opened one.
    func addComment(_ comment: String, to survey: Survey, transaction: WriteTransaction) async throws -> Survey {
        var survey = survey
        survey.comment = comment
        try await transaction.session.surveys.update(survey, reference: nil)
        if let followUpID = survey.followUpConversationID,
            var conversation = try await transaction.session.conversations.find(id: followUpID, workspaceID: survey.workspaceID),
            let inbox = try await transaction.session.inboxes.inbox(id: conversation.inboxID)
        {
            _ = try await conversations.write(
                ReplyInput(text: "The customer added a comment to their answer: \(comment)", isPrivate: true, author: .bot),
                in: &conversation, inbox: inbox, transaction: transaction)
        }
        return survey
    }

    private func liveCustomer(of survey: Survey, session: any StoreSession) async throws -> Customer? {
        do {
            let customer = try await conversations.customers.liveCustomerOrSurvivor(id: survey.customerID, workspaceID: survey.workspaceID, session: session)
            return customer.deletedAt == nil ? customer : nil
        } catch RapportError.notFound {
            return nil
        }
    }

    /// The score as the customer's `last_<kind>_score`, unless a survey of that kind sent
    /// after this one was answered already.
    private func remember(_ score: Int, of survey: Survey, on customer: Customer, transaction: WriteTransaction) async throws {
        let session = transaction.session
        if let newer = try await session.surveys.latestAnswered(customerID: customer.id, kind: survey.kind, workspaceID: survey.workspaceID),
            newer.sentAt > survey.sentAt
        {
            return
        }
        var customer = customer
        customer.profile.attributes[survey.kind.attributeKey] = .number(Double(score))
        guard ProfileRules.problems(in: customer.profile).isEmpty else { return }
        customer.updatedAt = transaction.now
        try await session.customers.update(customer)
        try await transaction.record(CustomerChange(.updated, customer))
    }

    /// A conversation for the team about a negative answer, in the survey's inbox, with the
    /// answer as a private note; nil when the workspace does not follow up.
    private func followUp(_ survey: Survey, customerID: String, customerWrote: Date?, transaction: WriteTransaction) async throws -> String? {
        let session = transaction.session
        let now = transaction.now
        let settings = try await session.surveys.settings(workspaceID: survey.workspaceID) ?? .off
        guard settings.followUpNegative, let inbox = try await session.inboxes.inbox(id: survey.inboxID),
            let asked = try await session.conversations.find(id: survey.conversationID, workspaceID: survey.workspaceID)
        else { return nil }
        var conversation = Conversation(
            id: ResourceID.make(.conversation, at: now), workspaceID: survey.workspaceID, inboxID: inbox.id, customerID: customerID,
            channel: inbox.channel, contact: asked.contact, subject: "Follow-up: \(survey.kind.rawValue.uppercased()) \(survey.score ?? 0)",
            status: .open, lastMessageAt: now, lastIncomingAt: customerWrote ?? asked.lastIncomingAt, createdAt: now, updatedAt: now)
        try await PeopleIntake.take(&conversation, inbox: inbox, session: session, at: now)
        if let team = settings.followUpTeamID ?? survey.teamID {
            conversation.teamID = team
            if settings.followUpTeamID != nil { conversation.assigneeID = nil }
        }
        conversation.priority = .high
        try await session.conversations.insert(conversation)
        try await transaction.record(ConversationChange(.created, conversation))
        var note = "The customer answered \(survey.score ?? 0) to “\(survey.question)”"
        if let comment = survey.comment { note += "\n\nTheir comment: \(comment)" }
        if let rated = survey.ratedConversationID { note += "\n\nAbout conversation \(rated)." }
        if let order = survey.orderID { note += "\n\nAbout order \(order)." }
        _ = try await conversations.write(ReplyInput(text: note, isPrivate: true, author: .bot), in: &conversation, inbox: inbox, transaction: transaction)
        return conversation.id
    }
}
