/// An upsert after validation: normalised identities, the profile changes to apply, and
/// whether the caller proved the identities or only asserted them.
struct PreparedUpsert: Sendable {
    var identities: [NormalizedIdentity]
    var input: CustomerInput
    var tags: [String]
    var provenance: IdentityProvenance

    /// Applies the input's fields to `profile`: given scalars replace, tags and attributes add.
    func apply(to profile: CustomerProfile) -> CustomerProfile {
        CustomerPatch(
            firstName: input.firstName.map(Optional.some), lastName: input.lastName.map(Optional.some),
            locale: input.locale.map(Optional.some), timezone: input.timezone.map(Optional.some),
            notes: input.notes.map(Optional.some), addresses: input.addresses,
            tags: Array(Set(profile.tags).union(tags)).sorted(), attributes: input.attributes.mapValues(Optional.some)
        ).applied(to: profile)
    }
}
