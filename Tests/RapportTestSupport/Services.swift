import RapportCore
import RapportStore

/// The services over one store, with a fixed clock and a workspace ready to use, composed the
/// way the application composes them (`CoreServices`).
@dynamicMemberLookup
public struct Services: Sendable {
    public let store: SQLDataStore
    public let clock: FixedClock
    public let core: CoreServices
    public let workspaceID: String

    public static func make(on store: SQLDataStore, policy: MergePolicy = .standard) async throws -> Services {
        let clock = FixedClock()
        let core = CoreServices(
            context: CoreContext(store: store, clock: clock), normalizer: IdentityNormalizer(defaultRegion: PhoneRegion.known["DE"]!),
            policy: policy, secrets: SHA256SecretHasher(), passwords: BcryptPasswordHasher(cost: 4),
            outbound: OutboundTargets(allowsPrivate: true), helpLinks: TestHelpLinks(), surveyLinks: TestSurveyLinks(), links: store.linkSigner)
        let workspace = try await core.workspaces.create(name: "Test shop")
        return Services(store: store, clock: clock, core: core, workspaceID: workspace.id)
    }

    /// The same store, clock and workspace seen by a second process: services of their own,
    /// with nothing kept in memory shared with these.
    public func anotherProcess() -> Services {
        let core = CoreServices(
            context: CoreContext(store: store, clock: clock), normalizer: IdentityNormalizer(defaultRegion: PhoneRegion.known["DE"]!),
            secrets: SHA256SecretHasher(), passwords: BcryptPasswordHasher(cost: 4),
            outbound: OutboundTargets(allowsPrivate: true), helpLinks: TestHelpLinks(), surveyLinks: TestSurveyLinks(), links: store.linkSigner)
        return Services(store: store, clock: clock, core: core, workspaceID: workspaceID)
    }

    public subscript<Service>(dynamicMember keyPath: KeyPath<CoreServices, Service>) -> Service {
        core[keyPath: keyPath]
    }
}
