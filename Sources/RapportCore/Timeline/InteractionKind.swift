/// What a touchpoint was. Rapport's own kinds are the constants below; the API's callers record
/// kinds of their own (`a-z`, `0-9`, `_` and `.`), kept as they came.
public struct InteractionKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A message exchanged in a conversation.
    public static let message = InteractionKind(rawValue: "message")
    /// A phone call, logged when it ends.
    public static let call = InteractionKind(rawValue: "call")
    public static let orderPlaced = InteractionKind(rawValue: "order_placed")
    public static let orderShipped = InteractionKind(rawValue: "order_shipped")
    public static let orderRefunded = InteractionKind(rawValue: "order_refunded")
    public static let orderAddressChanged = InteractionKind(rawValue: "order_address_changed")
    public static let returnRequested = InteractionKind(rawValue: "return_requested")
    /// A campaign's message that went to the customer (from the campaign's send log).
    public static let campaignMessage = InteractionKind(rawValue: "campaign_message")
    /// A survey the customer answered (NPS, CSAT, CES), with the score and comment.
    public static let surveyAnswered = InteractionKind(rawValue: "survey_answered")
    /// A lead opened from an enquiry, a later enquiry added to it, its status changed by the
    /// team, and its conversion into a deal (ADR 0015): the lead's history is its timeline.
    public static let leadCreated = InteractionKind(rawValue: "lead_created")
    public static let leadEnquiry = InteractionKind(rawValue: "lead_enquiry")
    public static let leadStatusChanged = InteractionKind(rawValue: "lead_status_changed")
    public static let leadConverted = InteractionKind(rawValue: "lead_converted")
    /// A lead's score rose to the workspace's hot score and the lead was handed to sales.
    public static let leadScoreCrossed = InteractionKind(rawValue: "lead_score_crossed")

    /// An order moved to `status` (`order_paid`, `order_cancelled`, …).
    public static func order(_ status: OrderStatus) -> InteractionKind {
        InteractionKind(rawValue: "order_\(status.rawValue)")
    }

    /// A return moved to `status` (`return_approved`, …).
    public static func orderReturn(_ status: ReturnStatus) -> InteractionKind {
        InteractionKind(rawValue: "return_\(status.rawValue)")
    }

    public var description: String { rawValue }
}
