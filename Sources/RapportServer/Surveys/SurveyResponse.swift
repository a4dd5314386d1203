import Foundation
import RapportCore

/// A survey as the API shows it.
struct SurveyResponse: Encodable {
    let object = "survey"
    let id: String
    let customerId: String
    let kind: String
    let trigger: String
    let channel: String
    let inboxId: String
    let conversationId: String
    let ratedConversationId: String?
    let orderId: String?
    let handledBy: String?
    let teamId: String?
    let question: String
    /// `en` or `id`: the language it was asked in (the customer's).
    let language: String
    let status: String
    let score: Int?
    let comment: String?
    let answeredVia: String?
    let followUpConversationId: String?
    let sentBy: String
    let sentAt: String
    let answeredAt: String?

    init(_ survey: Survey) {
        id = survey.id
        customerId = survey.customerID
        kind = survey.kind.rawValue
        trigger = survey.trigger.rawValue
        channel = survey.channel.rawValue
        inboxId = survey.inboxID
        conversationId = survey.conversationID
        ratedConversationId = survey.ratedConversationID
        orderId = survey.orderID
        handledBy = survey.handledBy
        teamId = survey.teamID
        question = survey.question
        language = survey.language.rawValue
        status = survey.status.rawValue
        score = survey.score
        comment = survey.comment
        answeredVia = survey.answeredVia
        followUpConversationId = survey.followUpConversationID
        sentBy = survey.sentBy
        sentAt = Timestamp.iso8601(survey.sentAt)
        answeredAt = survey.answeredAt.map(Timestamp.iso8601)
    }
}
