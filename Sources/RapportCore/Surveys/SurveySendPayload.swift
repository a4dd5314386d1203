/// The input of a `survey.send` job: the resolved conversation to rate (CSAT), or the
/// delivered order to ask about (NPS).
public struct SurveySendPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.surveySend

    public var workspaceID: String
    public var conversationID: String?
    public var orderID: String?

    public init(workspaceID: String, conversationID: String? = nil, orderID: String? = nil) {
        self.workspaceID = workspaceID
        self.conversationID = conversationID
        self.orderID = orderID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case workspaceID = "workspaceId"
        case conversationID = "conversationId"
        case orderID = "orderId"
    }
}
