/// The 360° view of one customer: profile, identities, counts and the latest touchpoints.
public struct CustomerView: Sendable {
    public static let recentInteractionCount = 20

    public var customer: Customer
    public var interactionCount: Int
    public var recentInteractions: [Interaction]

    public init(customer: Customer, interactionCount: Int, recentInteractions: [Interaction]) {
        self.customer = customer
        self.interactionCount = interactionCount
        self.recentInteractions = recentInteractions
    }
}
