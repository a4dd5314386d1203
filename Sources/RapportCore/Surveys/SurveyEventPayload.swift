import Foundation

/// The payload of `survey.sent` and `survey.answered`: the survey, what it followed, and once
/// answered the score, whether it was positive or negative, and the comment.
public struct SurveyEventPayload: EventPayload {
    public static let version = 1
    public var surveyID: String
    public var customerID: String
    public var kind: String
    public var trigger: String
    public var channel: String
    public var conversationID: String
    public var ratedConversationID: String?
    public var orderID: String?
    public var handledBy: String?
    public var status: String
    public var score: Int?
    /// `positive`, `neutral` or `negative` (a promoter, a passive, a detractor for NPS).
    public var sentiment: String?
    public var comment: String?
    public var answeredVia: String?

    init(_ survey: Survey) {
        surveyID = survey.id
        customerID = survey.customerID
        kind = survey.kind.rawValue
        trigger = survey.trigger.rawValue
        channel = survey.channel.rawValue
        conversationID = survey.conversationID
        ratedConversationID = survey.ratedConversationID
        orderID = survey.orderID
        handledBy = survey.handledBy
        status = survey.status.rawValue
        score = survey.score
        sentiment = survey.score.map { survey.kind.isPositive($0) ? "positive" : survey.kind.isNegative($0) ? "negative" : "neutral" }
        comment = survey.comment
        answeredVia = survey.answeredVia
    }
}
