import Foundation
import RapportCore
import RapportStore

/// Core's services wired to one store: what the routes, the CLI and the benchmarks call.
public struct AppServices: Sendable {
    public let store: SQLDataStore
    public let customers: CustomerService
    public let timeline: TimelineService
    public let commerce: CommerceService
    public let tracking: TrackingService
    public let sources: SourceService
    public let keys: APIKeyService
    public let workspaces: WorkspaceService
    public let jobs: JobService
    public let webhooks: WebhookService
    public let dispatcher: EventDispatcher
    public let inboxes: InboxService
    public let users: UserService
    public let conversations: ConversationService
    public let bot: BotService
    public let lifetime: LifetimeValueService
    public let recommendations: RecommendationService
    public let metrics: StoreMetricsService
    public let rfm: RFMService
    public let insightsRefresh: InsightsRefreshService
    public let idempotency: IdempotencyService
    /// Connected agents of this process (and, on PostgreSQL, the relay to the others).
    public let live: LiveHub
    /// The base URL providers and browsers reach Rapport at (`RAPPORT_PUBLIC_URL`); nil means
    /// the address each request came in on.
    public let publicURL: String?
    /// Where phone numbers without a country code are taken to be.
    public let defaultRegion: PhoneRegion
    /// Where Rapport's own requests may go (webhooks, providers' APIs, SMTP servers).
    public let outbound: OutboundTargets
    /// Requests per client on the public doors: tracking, web chat, inbound webhooks.
    public let limits: RateLimits

    public init(
        store: SQLDataStore, defaultRegion: PhoneRegion, clock: any WallClock = SystemWallClock(),
        publicURL: String? = ProcessInfo.processInfo.environment["RAPPORT_PUBLIC_URL"],
        passwords: any PasswordHasher = BcryptPasswordHasher(), localPort: Int = 8080,
        outbound: OutboundTargets = AppServices.outboundFromEnvironment(), limits: RateLimits = .fromEnvironment()
    ) {
        self.store = store
        self.outbound = outbound
        self.limits = limits
        self.defaultRegion = defaultRegion
        let live = LiveHub(visitorStreamsPerClient: limits.chatStreamsPerAddress, visitorStreamsPerWorkspace: limits.chatStreamsPerWorkspace)
        self.live = live
        let customers = CustomerService(
            context: CoreContext(store: store, clock: clock, live: live), normalizer: IdentityNormalizer(defaultRegion: defaultRegion),
            policy: .standard)
        self.customers = customers
        self.timeline = TimelineService(customers: customers)
        let commerce = CommerceService(customers: customers)
        self.commerce = commerce
        self.tracking = TrackingService(commerce: commerce)
        self.sources = SourceService(commerce: commerce)
        self.keys = APIKeyService(store: store, hasher: SHA256SecretHasher(), clock: clock)
        self.workspaces = WorkspaceService(store: store, keys: keys, clock: clock)
        self.jobs = JobService(store: store, clock: clock)
        self.webhooks = WebhookService(store: store, clock: clock, outbound: outbound)
        let inboxes = InboxService(customers: customers, outbound: outbound)
        self.inboxes = inboxes
        self.users = UserService(store: store, clock: clock, passwords: passwords, tokens: SHA256SecretHasher(), inboxes: inboxes)
        let conversations = ConversationService(customers: customers)
        self.conversations = conversations
        // The bot's help-centre links need an address outside any request: the public one, or this machine's.
        self.bot = BotService(conversations: conversations, commerce: commerce, publicBaseURL: publicURL ?? "http://127.0.0.1:\(localPort)")
        self.lifetime = LifetimeValueService(store: store, clock: clock)
        self.recommendations = RecommendationService(customers: customers)
        self.metrics = StoreMetricsService(store: store, clock: clock)
        self.rfm = RFMService(store: store, clock: clock)
        self.idempotency = IdempotencyService(store: store, clock: clock)
        self.insightsRefresh = InsightsRefreshService(lifetime: lifetime, rfm: rfm, recommendations: recommendations)
        self.publicURL = publicURL
        self.dispatcher = EventDispatcher(store: store, clock: clock)
    }

    /// `RAPPORT_ALLOW_PRIVATE_TARGETS=1` (or `true`) lets Rapport call loopback and private
    /// addresses; off by default.
    public static func outboundFromEnvironment() -> OutboundTargets {
        let value = ProcessInfo.processInfo.environment["RAPPORT_ALLOW_PRIVATE_TARGETS"]?.lowercased()
        return OutboundTargets(allowsPrivate: value == "1" || value == "true" || value == "yes")
    }
}
