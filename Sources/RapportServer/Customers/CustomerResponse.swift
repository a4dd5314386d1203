import Foundation
import RapportCore

/// A customer as the API shows it; the 360° view adds `counts` and `recent_interactions`.
struct CustomerResponse: Encodable {
    struct Counts: Encodable {
        var identities: Int
        var interactions: Int
    }

    var customer: Customer
    var counts: Counts?
    var recentInteractions: [InteractionResponse]?

    init(_ customer: Customer) {
        self.customer = customer
    }

    init(_ view: CustomerView) {
        self.customer = view.customer
        self.counts = Counts(identities: view.customer.identities.count, interactions: view.interactionCount)
        self.recentInteractions = view.recentInteractions.map(InteractionResponse.init)
    }

    enum CodingKeys: String, CodingKey {
        case object, id, firstName, lastName, locale, timezone, notes, addresses, tags, attributes, identities
        case createdAt, updatedAt, counts, recentInteractions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let profile = customer.profile
        try container.encode("customer", forKey: .object)
        try container.encode(customer.id, forKey: .id)
        try container.encode(profile.firstName, forKey: .firstName)
        try container.encode(profile.lastName, forKey: .lastName)
        try container.encode(profile.locale, forKey: .locale)
        try container.encode(profile.timezone, forKey: .timezone)
        try container.encode(profile.notes, forKey: .notes)
        try container.encode(profile.addresses, forKey: .addresses)
        try container.encode(profile.tags, forKey: .tags)
        try container.encode(profile.attributes, forKey: .attributes)
        try container.encode(customer.identities.map(IdentityResponse.init), forKey: .identities)
        try container.encode(customer.createdAt, forKey: .createdAt)
        try container.encode(customer.updatedAt, forKey: .updatedAt)
        try container.encodeIfPresent(counts, forKey: .counts)
        try container.encodeIfPresent(recentInteractions, forKey: .recentInteractions)
    }
}
