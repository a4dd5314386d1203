/// Why a survey went: a conversation was resolved (CSAT, the bot's too), an order was
/// delivered some days ago (NPS), someone sent it (the API, the workspace), or a journey's
/// survey step reached the customer.
public enum SurveyTrigger: String, Sendable, Codable, CaseIterable {
    case conversationResolved = "conversation_resolved"
    case orderDelivered = "order_delivered"
    case manual
    case journey
}
