import Foundation

/// A text reply that answers a survey ("9", "4 - quick and kind") is taken as the answer:
/// stored in the conversation the question was asked in (which stays as it was: the bot does
/// not answer it, nobody's queue grows), recorded on the survey, and thanked. It answers the
/// survey last sent to that address through this inbox within two days, and only while the
/// question is still the latest message, notes aside, of any of the contact's conversations
/// in the inbox (a reply in a newer one, or after an agent wrote, is about something else);
/// anything else, or a reply that is not a number on the survey's scale, goes to the
/// conversations as any message does. Only where the address is the channel's to give: SMS,
/// WhatsApp, Messenger and Instagram (the provider names the sender) and web chat (the session
/// the inbox's secret signed names the contact that was asked; its card's buttons send the
/// number as the visitor's message). An e-mail's From: is anyone's to write; e-mail answers
/// through the survey's link.
///
/// In web chat the bot thanks in the conversation, and asks for the reason behind a score
/// given without a comment: the visitor's next message, within half an hour and while that
/// question is still the latest word, is the answer's comment.
extension ConversationService {
    static let textAnsweredChannels: Set<InboxChannel> = [.sms, .whatsapp, .messenger, .instagram, .webchat]

    enum SurveyTextAnswer {
        case notAnAnswer
        /// The message kept, and the language the survey was asked in (for the SMS thanks).
        case answered(Message, language: BotLanguage)
        /// The provider sent the message that answered a survey again.
        case repeated
    }

    func receiveSurveyAnswer(_ inbound: InboundMessage, inbox: Inbox) async throws -> SurveyTextAnswer {
        guard Self.textAnsweredChannels.contains(inbox.channel), inbound.text != nil, inbound.attachments.isEmpty else { return .notAnAnswer }
        let now = clock.now()
        let since = now.addingTimeInterval(-SurveyRules.textAnswerWindow)
        let commentSince = inbox.channel == .webchat ? now.addingTimeInterval(-SurveyRules.commentWindow) : nil
        // Most messages answer no survey: a read settles that without a write transaction.
        guard try await store.read({ session in
            if try await session.surveys.awaiting(contact: inbound.from, inboxID: inbox.id, since: since, reference: inbound.providerMessageID) != nil {
                return true
            }
            guard let commentSince else { return false }
            return try await session.surveys.awaitingComment(contact: inbound.from, inboxID: inbox.id, since: commentSince) != nil
        }) else { return .notAnAnswer }
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            // A resend of a message kept already (the answer, its comment) changes nothing.
            if try await session.conversations.message(providerMessageID: inbound.providerMessageID, inboxID: inbox.id) != nil {
                return .repeated
            }
            if let commentSince, let survey = try await session.surveys.awaitingComment(contact: inbound.from, inboxID: inbox.id, since: commentSince),
                let answer = try await receiveSurveyComment(inbound, to: survey, inbox: inbox, transaction: transaction)
            {
                return answer
            }
            guard let survey = try await session.surveys.awaiting(
                contact: inbound.from, inboxID: inbox.id, since: since, reference: inbound.providerMessageID)
            else { return .notAnAnswer }
            if survey.status == .answered { return .repeated }
            guard var conversation = try await conversation(of: survey, ifLatest: survey.questionMessageID, contact: inbound.from, session: session),
                let reply = SurveyReply(inbound.text, kind: survey.kind)
            else { return .notAnAnswer }
            let message = try await keepAnswer(inbound, in: &conversation, transaction: transaction)
            var answered = try await SurveyAnswering(conversations: self).record(
                reply, to: survey, via: inbox.channel.rawValue, reference: inbound.providerMessageID, transaction: transaction)
            if inbox.channel == .webchat {
                let thanks = try await write(
                    ReplyInput(
                        text: reply.comment == nil ? SurveyRules.commentPrompt(in: survey.language) : SurveyRules.thanks(in: survey.language), author: .bot),
                    in: &conversation, inbox: inbox, transaction: transaction)
                if reply.comment == nil {
                    answered.commentPromptMessageID = thanks.id
                    try await session.surveys.update(answered, reference: nil)
                }
            }
            return .answered(message, language: survey.language)
        }
    }

    /// The visitor's message after the bot asked for the reason behind their score: the
    /// answer's comment, thanked. Nil when something else was written since the question.
    private func receiveSurveyComment(_ inbound: InboundMessage, to survey: Survey, inbox: Inbox, transaction: WriteTransaction) async throws -> SurveyTextAnswer? {
        guard let text = inbound.text?.trimmed, !text.isEmpty,
            var conversation = try await conversation(of: survey, ifLatest: survey.commentPromptMessageID, contact: inbound.from, session: transaction.session)
        else { return nil }
        // A bare score is no reason: the same one again is the card pressed twice; another is not a comment.
        if let again = SurveyReply(text, kind: survey.kind), again.comment == nil {
            return again.score == survey.score ? .repeated : nil
        }
        let message = try await keepAnswer(inbound, in: &conversation, transaction: transaction)
        _ = try await SurveyAnswering(conversations: self).addComment(String(text.prefix(SurveyReply.maximumCommentLength)), to: survey, transaction: transaction)
        _ = try await write(ReplyInput(text: SurveyRules.thanks(in: survey.language), author: .bot), in: &conversation, inbox: inbox, transaction: transaction)
        return .answered(message, language: survey.language)
    }

    /// The survey's conversation, when the bot's message `asked` is still the newest message,
    /// notes aside, of the contact's conversations in the survey's inbox.
    private func conversation(of survey: Survey, ifLatest asked: String?, contact: String, session: any StoreSession) async throws -> Conversation? {
        guard let asked,
            try await session.conversations.contactThread(inboxID: survey.inboxID, contact: contact, since: survey.sentAt, limit: 1).last?.id == asked
        else { return nil }
        return try await session.conversations.find(id: survey.conversationID, workspaceID: survey.workspaceID)
    }

    /// Stores the customer's answer in the conversation it answers, which stays as it was.
    private func keepAnswer(_ inbound: InboundMessage, in conversation: inout Conversation, transaction: WriteTransaction) async throws -> Message {
        let session = transaction.session
        let previous = conversation
        let message = Self.incoming(inbound, in: &conversation, at: transaction.now)
        conversation.updatedAt = transaction.now
        try await session.conversations.update(conversation)
        try await session.conversations.insert(message)
        try await transaction.record([
            ConversationChange(.updated, conversation, previous: previous),
            MessageChange(.created, message, in: conversation),
        ])
        return message
    }
}
