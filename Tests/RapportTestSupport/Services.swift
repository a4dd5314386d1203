import RapportCore
import RapportStore

/// The services over one store, with a fixed clock and a workspace ready to use.
public struct Services: Sendable {
    public let store: SQLDataStore
    public let clock: FixedClock
    public let customers: CustomerService
    public let timeline: TimelineService
    public let commerce: CommerceService
    public let tracking: TrackingService
    public let keys: APIKeyService
    public let workspaces: WorkspaceService
    public let workspaceID: String
    public let inboxes: InboxService
    public let conversations: ConversationService
    public let jobs: JobService
    public let users: UserService
    public let bot: BotService
    public let lifetime: LifetimeValueService
    public let recommendations: RecommendationService
    public let metrics: StoreMetricsService
    public let rfm: RFMService

    public static func make(on store: SQLDataStore, policy: MergePolicy = .standard) async throws -> Services {
        let clock = FixedClock()
        let customers = CustomerService(
            context: CoreContext(store: store, clock: clock), normalizer: IdentityNormalizer(defaultRegion: PhoneRegion.known["DE"]!),
            policy: policy)
        let keys = APIKeyService(store: store, hasher: SHA256SecretHasher(), clock: clock)
        let workspaces = WorkspaceService(store: store, keys: keys, clock: clock)
        let workspace = try await workspaces.create(name: "Test shop")
        let commerce = CommerceService(customers: customers)
        let conversations = ConversationService(customers: customers)
        return Services(
            store: store, clock: clock, customers: customers, timeline: TimelineService(customers: customers),
            commerce: commerce, tracking: TrackingService(commerce: commerce), keys: keys, workspaces: workspaces,
            workspaceID: workspace.id, inboxes: InboxService(customers: customers, outbound: OutboundTargets(allowsPrivate: true)),
            conversations: conversations, jobs: JobService(store: store, clock: clock),
            users: UserService(
                store: store, clock: clock, passwords: BcryptPasswordHasher(cost: 4), tokens: SHA256SecretHasher(),
                inboxes: InboxService(customers: customers, outbound: OutboundTargets(allowsPrivate: true))),
            bot: BotService(conversations: conversations, commerce: commerce, publicBaseURL: "https://rapport.test"),
            lifetime: LifetimeValueService(store: store, clock: clock), recommendations: RecommendationService(customers: customers),
            metrics: StoreMetricsService(store: store, clock: clock), rfm: RFMService(store: store, clock: clock))
    }
}
