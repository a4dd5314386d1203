import Foundation

/// The JSON of a customer in event payloads: snake_case, times in ISO 8601 UTC. Written by
/// hand because it is made once for every customer an import creates.
public enum CustomerDocument {
    public static func json(_ customer: Customer) -> String {
        var writer = JSONWriter()
        let profile = customer.profile
        writer.beginObject()
        writer.key("id"); writer.string(customer.id)
        writer.key("workspace_id"); writer.string(customer.workspaceID)
        writer.key("first_name"); writer.string(profile.firstName)
        writer.key("last_name"); writer.string(profile.lastName)
        writer.key("locale"); writer.string(profile.locale)
        writer.key("timezone"); writer.string(profile.timezone)
        writer.key("notes"); writer.string(profile.notes)
        writer.key("addresses"); writer.addresses(profile.addresses)
        writer.key("tags"); writer.strings(profile.tags)
        writer.key("attributes"); writer.attributes(profile.attributes)
        writer.key("identities")
        writer.beginArray()
        for identity in customer.identities {
            writer.beginObject()
            writer.key("id"); writer.string(identity.id)
            writer.key("kind"); writer.string(identity.kind.rawValue)
            writer.key("value"); writer.string(identity.value)
            writer.key("source"); writer.string(identity.source)
            writer.key("created_at"); writer.timestamp(identity.createdAt)
            writer.key("provenance"); writer.string(identity.provenance.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("created_at"); writer.timestamp(customer.createdAt)
        writer.key("updated_at"); writer.timestamp(customer.updatedAt)
        writer.key("deleted_at"); writer.timestamp(customer.deletedAt)
        writer.key("merged_into_id"); writer.string(customer.mergedIntoID)
        writer.endObject()
        return writer.text
    }
}
