import Foundation
import RapportCore

/// A customer as the API shows it; the 360° view adds `counts` and `recent_interactions`.
struct CustomerResponse: Encodable {
    struct Counts: Encodable {
        var identities: Int
        var interactions: Int
    }

    let object = "customer"
    var id: String
    @NullEncoded var firstName: String?
    @NullEncoded var lastName: String?
    @NullEncoded var locale: String?
    @NullEncoded var timezone: String?
    @NullEncoded var notes: String?
    var addresses: [Address]
    var tags: [String]
    var attributes: [String: AttributeValue]
    var identities: [IdentityResponse]
    var createdAt: Date
    var updatedAt: Date
    /// Only in the 360° view; left out of lists.
    var counts: Counts?
    var recentInteractions: [InteractionResponse]?

    init(_ customer: Customer) {
        let profile = customer.profile
        id = customer.id
        firstName = profile.firstName
        lastName = profile.lastName
        locale = profile.locale
        timezone = profile.timezone
        notes = profile.notes
        addresses = profile.addresses
        tags = profile.tags
        attributes = profile.attributes
        identities = customer.identities.map(IdentityResponse.init)
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }

    init(_ view: CustomerView) {
        self.init(view.customer)
        counts = Counts(identities: view.customer.identities.count, interactions: view.interactionCount)
        recentInteractions = view.recentInteractions.map(InteractionResponse.init)
    }
}
