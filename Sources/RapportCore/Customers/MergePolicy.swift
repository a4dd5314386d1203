/// Which shared identities are strong enough to merge two customers without a person deciding.
public struct MergePolicy: Sendable, Equatable {
    public var automaticKinds: Set<IdentityKind>

    /// E-mail, phone and external ids merge on their own; platform and tracking ids only suggest.
    public static let standard = MergePolicy(automaticKinds: [.email, .phone, .external])

    public init(automaticKinds: Set<IdentityKind>) {
        self.automaticKinds = automaticKinds
    }

    public func mergesAutomatically(on kind: IdentityKind) -> Bool {
        automaticKinds.contains(kind)
    }
}
