import Foundation
import RapportCore

/// A customer as the API shows it; the 360° view adds `commerce`, `counts`, `insights` and
/// `recent_interactions`.
struct CustomerResponse: JSONWritable {
    var customer: Customer
    var view: CustomerView?

    init(_ customer: Customer) {
        self.customer = customer
    }

    init(_ view: CustomerView) {
        self.customer = view.customer
        self.view = view
    }

    func write(to writer: inout JSONWriter) {
        let profile = customer.profile
        writer.beginObject()
        writer.key("addresses"); writer.addresses(profile.addresses)
        writer.key("attributes"); writer.attributes(profile.attributes)
        if let view {
            writer.key("commerce")
            CommerceSummaryResponse(summary: view.commerce).write(to: &writer)
            writer.key("counts")
            writer.beginObject()
            writer.key("identities"); writer.number(Double(customer.identities.count))
            writer.key("interactions"); writer.number(Double(view.interactionCount))
            writer.endObject()
        }
        writer.key("created_at"); writer.timestamp(customer.createdAt)
        writer.key("first_name"); writer.string(profile.firstName)
        writer.key("id"); writer.string(customer.id)
        if let view {
            writer.key("insights")
            CustomerInsightsResponse(rfm: view.rfm, lifetimeValue: view.lifetimeValue).write(to: &writer)
        }
        writer.key("identities")
        writer.beginArray()
        for identity in customer.identities { IdentityResponse(identity: identity).write(to: &writer) }
        writer.endArray()
        writer.key("last_name"); writer.string(profile.lastName)
        writer.key("locale"); writer.string(profile.locale)
        writer.key("notes"); writer.string(profile.notes)
        writer.key("object"); writer.string("customer")
        if let view {
            writer.key("recent_interactions")
            writer.beginArray()
            for interaction in view.recentInteractions { InteractionResponse(interaction: interaction).write(to: &writer) }
            writer.endArray()
        }
        writer.key("tags"); writer.strings(profile.tags)
        writer.key("timezone"); writer.string(profile.timezone)
        writer.key("updated_at"); writer.timestamp(customer.updatedAt)
        writer.endObject()
    }
}
