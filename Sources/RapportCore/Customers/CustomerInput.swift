/// An upsert: identities that say who the customer is, and profile fields to set.
/// A nil field leaves the stored value alone; tags and attributes are added to what is there.
public struct CustomerInput: Sendable, Equatable {
    public var identities: [IdentityInput]
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    public var timezone: String?
    public var notes: String?
    public var addresses: [Address]?
    public var tags: [String]
    public var attributes: [String: AttributeValue]

    public init(
        identities: [IdentityInput], firstName: String? = nil, lastName: String? = nil, locale: String? = nil,
        timezone: String? = nil, notes: String? = nil, addresses: [Address]? = nil, tags: [String] = [],
        attributes: [String: AttributeValue] = [:]
    ) {
        self.identities = identities
        self.firstName = firstName
        self.lastName = lastName
        self.locale = locale
        self.timezone = timezone
        self.notes = notes
        self.addresses = addresses
        self.tags = tags
        self.attributes = attributes
    }
}
