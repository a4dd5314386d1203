/// The fields of a customer that people edit: names, locale, addresses, notes, tags, attributes.
public struct CustomerProfile: Sendable, Equatable, Codable {
    public var firstName: String?
    public var lastName: String?
    /// BCP 47 language tag (`de-DE`).
    public var locale: String?
    /// IANA time zone (`Europe/Berlin`).
    public var timezone: String?
    public var notes: String?
    public var addresses: [Address]
    /// Sorted, unique, lower-cased.
    public var tags: [String]
    public var attributes: [String: AttributeValue]

    public init(
        firstName: String? = nil, lastName: String? = nil, locale: String? = nil, timezone: String? = nil,
        notes: String? = nil, addresses: [Address] = [], tags: [String] = [], attributes: [String: AttributeValue] = [:]
    ) {
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
