import Foundation

/// A text reply that answers a survey ("9", "4 - quick and kind") is taken as the answer:
/// stored in the conversation the question was asked in (which stays as it was: the bot does
/// not answer it, nobody's queue grows), recorded on the survey, and thanked. It answers the
/// survey last sent to that address through this inbox within two days, and only while
/// nothing was written in that conversation since the question; anything else, or a reply
/// that is not a number on the survey's scale, goes to the conversations as any message
/// does. Only on messaging channels whose provider vouches for the sender (SMS, WhatsApp,
/// Messenger, Instagram): an e-mail's From: is anyone's to write, and a web-chat visitor's
/// message would vanish from their chat; those answer through the survey's link.
extension ConversationService {
    static let surveyThanks = "Thank you for your answer."
    static let textAnsweredChannels: Set<InboxChannel> = [.sms, .whatsapp, .messenger, .instagram]

    enum SurveyTextAnswer {
        case notAnAnswer
        case answered(Message)
        /// The provider sent the message that answered a survey again.
        case repeated
    }

    func receiveSurveyAnswer(_ inbound: InboundMessage, inbox: Inbox) async throws -> SurveyTextAnswer {
        guard Self.textAnsweredChannels.contains(inbox.channel), inbound.text != nil, inbound.attachments.isEmpty else { return .notAnAnswer }
        let since = clock.now().addingTimeInterval(-SurveyRules.textAnswerWindow)
        // Most messages answer no survey: a read settles that without a write transaction.
        guard try await store.read({ session in
            try await session.surveys.awaiting(contact: inbound.from, inboxID: inbox.id, since: since, reference: inbound.providerMessageID)
        }) != nil else { return .notAnAnswer }
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            guard let survey = try await session.surveys.awaiting(
                contact: inbound.from, inboxID: inbox.id, since: since, reference: inbound.providerMessageID)
            else { return .notAnAnswer }
            if survey.status == .answered { return .repeated }
            guard var conversation = try await session.conversations.find(id: survey.conversationID, workspaceID: survey.workspaceID),
                let question = survey.questionMessageID,
                try await session.conversations.latestMessages(conversationIDs: [conversation.id])[conversation.id]?.id == question,
                let reply = SurveyReply(inbound.text, kind: survey.kind)
            else { return .notAnAnswer }
            let previous = conversation
            let message = Self.incoming(inbound, in: &conversation, at: transaction.now)
            conversation.updatedAt = transaction.now
            try await session.conversations.update(conversation)
            try await session.conversations.insert(message)
            try await transaction.record([
                ConversationChange(.updated, conversation, previous: previous),
                MessageChange(.created, message, in: conversation),
            ])
            _ = try await SurveyAnswering(conversations: self).record(
                reply, to: survey, via: inbox.channel.rawValue, reference: inbound.providerMessageID, transaction: transaction)
            return .answered(message)
        }
    }
}
