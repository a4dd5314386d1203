/// The intents the bot's own work is attached to. A workspace's intent set holds these
/// (examples editable, never removed) and may add intents of its own, which the bot answers
/// with their saved answer.
public enum BuiltInIntent: String, Sendable, Codable, CaseIterable {
    case orderStatus = "order_status"
    case trackShipment = "track_shipment"
    case startReturn = "start_return"
    case returnStatus = "return_status"
    case cancelOrder = "cancel_order"
    case paymentLink = "payment_link"
    case paymentProblem = "payment_problem"
    case changeAddress = "change_address"
    case productQuestion = "product_question"
    case shippingPolicy = "shipping_policy"
    case storeHours = "store_hours"
    case loyaltyBalance = "loyalty_balance"
    case redeemPoints = "redeem_points"
    case talkToHuman = "talk_to_human"
    /// A wholesale, bulk or business enquiry: a lead for sales (ADR 0015).
    case wholesaleEnquiry = "wholesale_enquiry"
    case greeting
    case thanks
    case complaint

    /// Whether the intent is about the customer's loyalty points: the bot finds whose they are
    /// (the channel proves it, or one of their orders does) before telling or spending them.
    public var isPointsTask: Bool { self == .loyaltyBalance || self == .redeemPoints }

    /// Whether the intent is order work: the bot finds the order and the proof before acting.
    public var isOrderTask: Bool {
        switch self {
        case .orderStatus, .trackShipment, .startReturn, .returnStatus, .cancelOrder, .changeAddress, .paymentLink, .paymentProblem: true
        case .productQuestion, .shippingPolicy, .storeHours, .loyaltyBalance, .redeemPoints, .talkToHuman, .wholesaleEnquiry, .greeting, .thanks,
            .complaint:
            false
        }
    }
}
