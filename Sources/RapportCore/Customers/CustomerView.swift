/// The 360° view of one customer: profile, identities, counts, purchases and the latest touchpoints.
public struct CustomerView: Sendable {
    public static let recentInteractionCount = 20

    public var customer: Customer
    public var interactionCount: Int
    public var recentInteractions: [Interaction]
    /// Orders, spend, the last order and open returns.
    public var commerce: CommerceSummary
    /// RFM scores and segment, once scored; the lifetime forecast, once the models are fitted.
    public var rfm: CustomerRFM?
    public var lifetimeValue: CustomerLifetimeValue?
    /// Every purpose and channel the customer has answered for, with its history.
    public var consents: [ConsentState] = []

    public init(
        customer: Customer, interactionCount: Int, recentInteractions: [Interaction],
        commerce: CommerceSummary = CommerceSummary()
    ) {
        self.customer = customer
        self.interactionCount = interactionCount
        self.recentInteractions = recentInteractions
        self.commerce = commerce
    }
}
