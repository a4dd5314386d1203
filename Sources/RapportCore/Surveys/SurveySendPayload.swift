/// The input of a `survey.send` job: the resolved conversation to rate (CSAT), the delivered
/// order to ask about (NPS), or a journey's survey step reached (the customer, the kind, the
/// journey, and the step's visit as `origin`, so it asks once).
public struct SurveySendPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.surveySend

    public var workspaceID: String
    public var conversationID: String?
    public var orderID: String?
    public var customerID: String?
    public var kind: SurveyKind?
    public var journeyID: String?
    public var origin: String?

    public init(workspaceID: String, conversationID: String? = nil, orderID: String? = nil) {
        self.workspaceID = workspaceID
        self.conversationID = conversationID
        self.orderID = orderID
    }

    public init(workspaceID: String, customerID: String, kind: SurveyKind, journeyID: String, origin: String) {
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.kind = kind
        self.journeyID = journeyID
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case workspaceID = "workspaceId"
        case conversationID = "conversationId"
        case orderID = "orderId"
        case customerID = "customerId"
        case kind
        case journeyID = "journeyId"
        case origin
    }
}
