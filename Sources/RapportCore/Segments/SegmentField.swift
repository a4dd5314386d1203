/// What a condition reads about a customer, by the name definitions use.
public enum SegmentField: Sendable, Hashable {
    // Profile
    case firstName, lastName, locale, timezone, country, city, tags, createdAt, identities
    /// A custom attribute (`attributes.<key>`): text, number, yes/no, or a date written as text.
    case attribute(String)
    // Consent
    case consent
    // Commerce
    case orderCount, totalSpent, averageOrderValue, refundedAmount, firstOrderAt, lastOrderAt, bought, openReturn
    // Behaviour
    case eventCount, firstSeenAt, lastSeenAt
    // Service
    case openConversation, lastContactAt, lastContactChannel
    // Insights
    case rfmSegment, recencyScore, frequencyScore, monetaryScore, lifetimeValue, probabilityAlive, expectedPurchases
    // Other segments
    case segments

    /// Every field with a fixed name, in the order the builder offers them.
    public static let named: [SegmentField] = [
        .firstName, .lastName, .locale, .timezone, .country, .city, .tags, .createdAt, .identities, .consent,
        .orderCount, .totalSpent, .averageOrderValue, .refundedAmount, .firstOrderAt, .lastOrderAt, .bought, .openReturn,
        .eventCount, .firstSeenAt, .lastSeenAt, .openConversation, .lastContactAt, .lastContactChannel,
        .rfmSegment, .recencyScore, .frequencyScore, .monetaryScore, .lifetimeValue, .probabilityAlive, .expectedPurchases, .segments,
    ]

    public static let attributePrefix = "attributes."

    public init?(name: String) {
        if name.hasPrefix(Self.attributePrefix) {
            let key = String(name.dropFirst(Self.attributePrefix.count))
            guard !key.isEmpty, key.count <= 100 else { return nil }
            self = .attribute(key)
            return
        }
        guard let field = Self.named.first(where: { $0.name == name }) else { return nil }
        self = field
    }

    public var name: String {
        switch self {
        case .firstName: "first_name"
        case .lastName: "last_name"
        case .locale: "locale"
        case .timezone: "timezone"
        case .country: "country"
        case .city: "city"
        case .tags: "tags"
        case .createdAt: "created_at"
        case .identities: "identities"
        case .attribute(let key): Self.attributePrefix + key
        case .consent: "consent"
        case .orderCount: "orders.count"
        case .totalSpent: "orders.total_spent"
        case .averageOrderValue: "orders.average_value"
        case .refundedAmount: "orders.refunded"
        case .firstOrderAt: "orders.first_placed_at"
        case .lastOrderAt: "orders.last_placed_at"
        case .bought: "orders.bought"
        case .openReturn: "returns.open"
        case .eventCount: "events.count"
        case .firstSeenAt: "events.first_seen_at"
        case .lastSeenAt: "events.last_seen_at"
        case .openConversation: "conversations.open"
        case .lastContactAt: "conversations.last_contact_at"
        case .lastContactChannel: "conversations.last_channel"
        case .rfmSegment: "rfm.segment"
        case .recencyScore: "rfm.recency_score"
        case .frequencyScore: "rfm.frequency_score"
        case .monetaryScore: "rfm.monetary_score"
        case .lifetimeValue: "clv.lifetime_value"
        case .probabilityAlive: "clv.probability_alive"
        case .expectedPurchases: "clv.expected_purchases"
        case .segments: "segments"
        }
    }

    /// What the field holds; nil for a custom attribute, whose value decides.
    public var valueType: SegmentValueType? {
        switch self {
        case .firstName, .lastName, .locale, .timezone, .country, .city, .lastContactChannel, .rfmSegment: .text
        case .tags, .identities: .tags
        case .segments: .membership
        case .createdAt, .firstOrderAt, .lastOrderAt, .firstSeenAt, .lastSeenAt, .lastContactAt: .date
        case .consent, .openReturn, .openConversation: .boolean
        case .orderCount, .bought, .eventCount: .count
        case .totalSpent, .averageOrderValue, .refundedAmount, .recencyScore, .frequencyScore, .monetaryScore,
             .lifetimeValue, .probabilityAlive, .expectedPurchases: .number
        case .attribute: nil
        }
    }

    public var facet: SegmentFacet {
        switch self {
        case .firstName, .lastName, .locale, .timezone, .country, .city, .tags, .createdAt, .attribute: .profile
        case .identities: .identities
        case .consent: .consent
        case .orderCount, .totalSpent, .averageOrderValue, .refundedAmount, .firstOrderAt, .lastOrderAt, .bought: .orders
        case .openReturn: .returns
        case .eventCount, .firstSeenAt, .lastSeenAt: .events
        case .openConversation, .lastContactAt, .lastContactChannel: .conversations
        case .rfmSegment, .recencyScore, .frequencyScore, .monetaryScore, .lifetimeValue, .probabilityAlive, .expectedPurchases: .insights
        case .segments: .segments
        }
    }

    /// Whether the field sums or counts orders, and so takes an order window and filters.
    public var readsOrderWindow: Bool {
        switch self {
        case .orderCount, .totalSpent, .averageOrderValue, .refundedAmount, .bought: true
        default: false
        }
    }

    /// Whether its value is money, written in major units of the workspace's main currency.
    public var isMoney: Bool {
        switch self {
        case .totalSpent, .averageOrderValue, .refundedAmount: true
        default: false
        }
    }
}
