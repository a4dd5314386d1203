import Foundation

/// One survey sent to one customer on one channel, and its answer. `handledBy` names who
/// the customer is rating for a conversation's survey: an agent's user id, or `bot`.
public struct Survey: Sendable, Equatable {
    public static let bot = "bot"

    /// The answer page's button asking for no more surveys, as the customer read it (also the
    /// wording their consent records).
    public static func noMore(in language: BotLanguage) -> String {
        language.say("No more surveys, please", "Saya tidak ingin menerima survei lagi")
    }

    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var kind: SurveyKind
    public var trigger: SurveyTrigger
    public var channel: InboxChannel
    public var inboxID: String
    /// The conversation the question was written in.
    public var conversationID: String
    /// The survey opened that conversation for itself (kept out of the team's figures).
    public var openedConversation: Bool
    /// The bot's message that asked: a text reply answers only while it is the conversation's latest.
    public var questionMessageID: String?
    /// The conversation being rated (a CSAT after a resolved one).
    public var ratedConversationID: String?
    public var orderID: String?
    public var handledBy: String?
    public var teamID: String?
    public var question: String
    public var status: SurveyStatus
    public var score: Int?
    public var comment: String?
    /// How the answer came: `link`, or the channel it was replied on (`sms`, `whatsapp`, …).
    public var answeredVia: String?
    /// The follow-up conversation a negative answer opened for the team.
    public var followUpConversationID: String?
    /// The bot's message asking for the reason behind a score given in web chat without a
    /// comment: the visitor's next message is the comment only while it is the latest.
    public var commentPromptMessageID: String?
    public var sentBy: String
    public var sentAt: Date
    public var answeredAt: Date?
    /// The language it was asked in (the customer's): the thanks and the answer page speak it.
    public var language: BotLanguage

    public init(
        id: String, workspaceID: String, customerID: String, kind: SurveyKind, trigger: SurveyTrigger, channel: InboxChannel,
        inboxID: String, conversationID: String, openedConversation: Bool = false, questionMessageID: String? = nil, ratedConversationID: String? = nil, orderID: String? = nil, handledBy: String? = nil,
        teamID: String? = nil, question: String, status: SurveyStatus = .sent, score: Int? = nil, comment: String? = nil,
        answeredVia: String? = nil, followUpConversationID: String? = nil, commentPromptMessageID: String? = nil, sentBy: String, sentAt: Date,
        answeredAt: Date? = nil, language: BotLanguage = .english
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.kind = kind
        self.trigger = trigger
        self.channel = channel
        self.inboxID = inboxID
        self.conversationID = conversationID
        self.openedConversation = openedConversation
        self.questionMessageID = questionMessageID
        self.ratedConversationID = ratedConversationID
        self.orderID = orderID
        self.handledBy = handledBy
        self.teamID = teamID
        self.question = question
        self.status = status
        self.score = score
        self.comment = comment
        self.answeredVia = answeredVia
        self.followUpConversationID = followUpConversationID
        self.commentPromptMessageID = commentPromptMessageID
        self.sentBy = sentBy
        self.sentAt = sentAt
        self.answeredAt = answeredAt
        self.language = language
    }
}
