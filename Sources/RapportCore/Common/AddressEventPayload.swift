/// A postal address in an event: only the parts it has.
public struct AddressEventPayload: Encodable, Sendable {
    @OmittedWhenNil public var city: String?
    @OmittedWhenNil public var country: String?
    @OmittedWhenNil public var label: String?
    @OmittedWhenNil public var line1: String?
    @OmittedWhenNil public var line2: String?
    @OmittedWhenNil public var postalCode: String?
    @OmittedWhenNil public var region: String?

    public init(_ address: Address) {
        city = address.city
        country = address.country
        label = address.label
        line1 = address.line1
        line2 = address.line2
        postalCode = address.postalCode
        region = address.region
    }
}
