/// Where an order was placed.
public enum OrderChannel: String, Sendable, Codable, CaseIterable {
    case web, store, marketplace, social, phone

    /// The timeline channel a purchase on this sales channel is shown under.
    public var interactionChannel: InteractionChannel {
        switch self {
        case .web, .marketplace: .web
        case .store: .store
        case .social: .social
        case .phone: .phone
        }
    }
}
