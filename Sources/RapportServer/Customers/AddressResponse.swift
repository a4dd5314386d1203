import RapportCore

/// A postal address: only the parts it has.
struct AddressResponse: Encodable {
    @OmittedWhenNil var city: String?
    @OmittedWhenNil var country: String?
    @OmittedWhenNil var label: String?
    @OmittedWhenNil var line1: String?
    @OmittedWhenNil var line2: String?
    @OmittedWhenNil var postalCode: String?
    @OmittedWhenNil var region: String?

    init(_ address: Address) {
        city = address.city
        country = address.country
        label = address.label
        line1 = address.line1
        line2 = address.line2
        postalCode = address.postalCode
        region = address.region
    }
}
