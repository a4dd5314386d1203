import Foundation
import RapportCore

/// A customer as the API shows it; the 360° view adds `commerce`, `consents`, `counts`,
/// `insights`, `recent_interactions` and `segments`.
struct CustomerResponse: Encodable {
    struct Counts: Encodable {
        let identities: Int
        let interactions: Int
    }

    let addresses: [AddressResponse]
    let attributes: JSONValue
    @OmittedWhenNil var commerce: CommerceSummaryResponse?
    @OmittedWhenNil var consents: [ConsentResponse]?
    @OmittedWhenNil var counts: Counts?
    let createdAt: Date
    let firstName: String?
    let id: String
    @OmittedWhenNil var insights: CustomerInsightsResponse?
    let identities: [IdentityResponse]
    let lastName: String?
    let locale: String?
    let notes: String?
    let object = "customer"
    @OmittedWhenNil var recentInteractions: [InteractionResponse]?
    @OmittedWhenNil var segments: [SegmentReferenceResponse]?
    let tags: [String]
    let timezone: String?
    let updatedAt: Date

    init(_ customer: Customer) {
        let profile = customer.profile
        addresses = profile.addresses.map(AddressResponse.init)
        attributes = .object(profile.attributes.mapValues(\.jsonValue))
        createdAt = customer.createdAt
        firstName = profile.firstName
        id = customer.id
        identities = customer.identities.map(IdentityResponse.init(identity:))
        lastName = profile.lastName
        locale = profile.locale
        notes = profile.notes
        tags = profile.tags
        timezone = profile.timezone
        updatedAt = customer.updatedAt
    }

    init(_ view: CustomerView, segments: [Segment], now: Date) {
        self.init(view.customer)
        self.segments = segments.map(SegmentReferenceResponse.init)
        commerce = CommerceSummaryResponse(summary: view.commerce)
        consents = view.consents.map { ConsentResponse($0, now: now) }
        counts = Counts(identities: view.customer.identities.count, interactions: view.interactionCount)
        insights = CustomerInsightsResponse(rfm: view.rfm, lifetimeValue: view.lifetimeValue)
        recentInteractions = view.recentInteractions.map(InteractionResponse.init(interaction:))
    }
}
