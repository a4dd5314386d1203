/// A partial update of a profile. `.some(nil)` clears a field; `nil` leaves it alone.
public struct CustomerPatch: Sendable, Equatable {
    public var firstName: String??
    public var lastName: String??
    public var locale: String??
    public var timezone: String??
    public var notes: String??
    public var addresses: [Address]?
    /// Replaces all tags when present.
    public var tags: [String]?
    /// Sets each given attribute; a nil value removes it.
    public var attributes: [String: AttributeValue?]?

    public init(
        firstName: String?? = nil, lastName: String?? = nil, locale: String?? = nil, timezone: String?? = nil,
        notes: String?? = nil, addresses: [Address]? = nil, tags: [String]? = nil,
        attributes: [String: AttributeValue?]? = nil
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

    /// `profile` with this patch applied.
    public func applied(to profile: CustomerProfile) -> CustomerProfile {
        var result = profile
        if let value = firstName { result.firstName = value }
        if let value = lastName { result.lastName = value }
        if let value = locale { result.locale = value }
        if let value = timezone { result.timezone = value }
        if let value = notes { result.notes = value }
        if let value = addresses { result.addresses = value }
        if let value = tags { result.tags = value }
        for (key, value) in attributes ?? [:] { result.attributes[key] = value }
        return result
    }
}
