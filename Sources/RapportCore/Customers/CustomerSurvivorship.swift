/// How two profiles become one on a merge, and how a merge is taken back.
///
/// Merge: identities, tags, addresses and attributes are unioned; for each scalar field the
/// non-empty value of the more recently updated customer wins (attributes likewise per key).
/// Unmerge is a three-way restore: a field that still holds what the merge wrote goes back to
/// its value before the merge; a field changed since keeps its newer value.
public enum CustomerSurvivorship {
    public static func merged(survivor: Customer, absorbed: Customer) -> CustomerProfile {
        let survivorIsNewer = survivor.updatedAt >= absorbed.updatedAt
        let newer = survivorIsNewer ? survivor.profile : absorbed.profile
        let older = survivorIsNewer ? absorbed.profile : survivor.profile
        func pick(_ path: KeyPath<CustomerProfile, String?>) -> String? {
            if let value = newer[keyPath: path], !value.isEmpty { return value }
            return older[keyPath: path]
        }
        var addresses = survivor.profile.addresses
        for address in absorbed.profile.addresses where !addresses.contains(address) {
            addresses.append(address)
        }
        return CustomerProfile(
            firstName: pick(\.firstName), lastName: pick(\.lastName), locale: pick(\.locale),
            timezone: pick(\.timezone), notes: pick(\.notes), addresses: addresses,
            tags: Array(Set(survivor.profile.tags).union(absorbed.profile.tags)).sorted(),
            attributes: older.attributes.merging(newer.attributes) { _, newest in newest })
    }

    public static func restored(current: CustomerProfile, before: CustomerProfile, after: CustomerProfile) -> CustomerProfile {
        func field<Value: Equatable>(_ path: KeyPath<CustomerProfile, Value>) -> Value {
            current[keyPath: path] == after[keyPath: path] ? before[keyPath: path] : current[keyPath: path]
        }
        var tags = Set(current.tags)
        for tag in Set(before.tags).union(after.tags).union(current.tags)
        where current.tags.contains(tag) == after.tags.contains(tag) {
            if before.tags.contains(tag) { tags.insert(tag) } else { tags.remove(tag) }
        }
        var attributes = current.attributes
        for key in Set(before.attributes.keys).union(after.attributes.keys)
        where current.attributes[key] == after.attributes[key] {
            attributes[key] = before.attributes[key]
        }
        return CustomerProfile(
            firstName: field(\.firstName), lastName: field(\.lastName), locale: field(\.locale),
            timezone: field(\.timezone), notes: field(\.notes), addresses: field(\.addresses),
            tags: tags.sorted(), attributes: attributes)
    }
}
