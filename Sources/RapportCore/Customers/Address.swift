/// A postal address of a customer.
public struct Address: Sendable, Equatable, Hashable, Codable {
    public var label: String?
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?

    public init(
        label: String? = nil, line1: String? = nil, line2: String? = nil, city: String? = nil,
        region: String? = nil, postalCode: String? = nil, country: String? = nil
    ) {
        self.label = label
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }

    /// The address on one line, as people read it: street, postcode and city, region, country.
    public var oneLine: String {
        [line1, line2, postalCode, city, region, country].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
