/// An upsert after validation: normalised identities and the profile changes to apply.
struct PreparedUpsert: Sendable {
    var identities: [NormalizedIdentity]
    var input: CustomerInput
    var tags: [String]

    /// Applies the input's fields to `profile`: given scalars replace, tags and attributes add.
    func apply(to profile: CustomerProfile) -> CustomerProfile {
        var result = profile
        if let value = input.firstName { result.firstName = value }
        if let value = input.lastName { result.lastName = value }
        if let value = input.locale { result.locale = value }
        if let value = input.timezone { result.timezone = value }
        if let value = input.notes { result.notes = value }
        if let value = input.addresses { result.addresses = value }
        result.tags = Array(Set(result.tags).union(tags)).sorted()
        result.attributes.merge(input.attributes) { _, new in new }
        return result
    }
}
