/// Core's services over one context, wired once: `serve`, the worker, the command line and the
/// tests all compose the application through this, so no caller builds a second copy of a
/// service or wires one differently.
public struct CoreServices: Sendable {
    public let context: CoreContext
    public let customers: CustomerService
    public let timeline: TimelineService
    public let consents: ConsentService
    public let privacy: PrivacyService
    public let preferences: PreferenceService
    public let signUps: SignUpService
    public let deliveryFeedback: DeliveryFeedbackService
    public let audit: AuditService
    public let retention: RetentionService
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
    public let segments: SegmentService
    public let campaigns: CampaignService
    public let journeys: JourneyService
    /// Walks the customers in journeys whose time has come (the worker runs it; tests call it).
    public let journeyRunner: JourneyRunner
    /// The team's tasks (a journey's task step makes them too).
    public let tasks: WorkTaskService
    /// Pipelines and their deals (ADR 0015).
    public let pipelines: PipelineService
    public let deals: DealService
    /// Companies and leads (ADR 0015).
    public let companies: CompanyService
    public let leads: LeadService
    /// Lead scoring's rules, hot score and scores (ADR 0015).
    public let leadScoring: LeadScoringService
    /// Meetings and the team's calendar feeds (ADR 0015).
    public let meetings: MeetingService
    public let calendarFeeds: CalendarFeedService
    /// Users' alerts, and the sweep that makes those time brings (ADR 0015).
    public let alerts: AlertService
    public let alertSweep: AlertSweep
    public let loyalty: LoyaltyService
    public let reviews: ReviewService
    public let surveys: SurveyService
    public let referrals: ReferralService
    public let forms: FormService
    /// Opens and clicks of campaign messages, from their signed pixel and redirect links.
    public let campaignEngagement: CampaignEngagementService
    public let metrics: StoreMetricsService
    public let rfm: RFMService
    public let insightsRefresh: InsightsRefreshService
    public let idempotency: IdempotencyService

    /// - Parameters:
    ///   - secrets: how API keys and session tokens are hashed at rest.
    ///   - passwords: how users' passwords are hashed.
    ///   - outbound: where Rapport's own requests may go (webhooks, providers, SMTP servers).
    ///   - helpLinks: where customers read the help articles the bot links to.
    ///   - surveyLinks: where customers answer surveys in the browser.
    ///   - links: signs the links customers get to their preference centre, to unsubscribe and
    ///     to confirm a sign-up.
    public init(
        context: CoreContext, normalizer: IdentityNormalizer, policy: MergePolicy = .standard, secrets: any SecretHasher,
        passwords: any PasswordHasher, outbound: OutboundTargets, helpLinks: any HelpArticleLinks,
        surveyLinks: any SurveyLinks, links: any LinkSigner
    ) {
        let (store, clock) = (context.store, context.clock)
        self.context = context
        let customers = CustomerService(context: context, normalizer: normalizer, policy: policy)
        self.customers = customers
        self.timeline = TimelineService(customers: customers)
        let consents = ConsentService(customers: customers)
        self.consents = consents
        let loyalty = LoyaltyService(customers: customers)
        self.loyalty = loyalty
        self.preferences = PreferenceService(consents: consents, customers: customers, loyalty: loyalty, signer: links)
        self.signUps = SignUpService(customers: customers, consents: consents, signer: links)
        self.segments = SegmentService(customers: customers)
        self.campaigns = CampaignService(customers: customers)
        self.journeys = JourneyService(segments: segments)
        self.journeyRunner = JourneyRunner(context: context)
        self.tasks = WorkTaskService(context: context)
        self.alerts = AlertService(context: context)
        self.alertSweep = AlertSweep(context: context)
        self.pipelines = PipelineService(context: context)
        let deals = DealService(context: context)
        self.deals = deals
        self.companies = CompanyService(context: context)
        self.leads = LeadService(customers: customers, deals: deals)
        self.leadScoring = LeadScoringService(context: context)
        self.meetings = MeetingService(context: context)
        self.calendarFeeds = CalendarFeedService(context: context, secrets: secrets)
        self.reviews = ReviewService(customers: customers, signer: links)
        self.referrals = ReferralService(customers: customers, hasher: secrets)
        self.campaignEngagement = CampaignEngagementService(context: context, signer: links)
        self.deliveryFeedback = DeliveryFeedbackService(consents: consents, customers: customers)
        let recommendations = RecommendationService(customers: customers)
        self.recommendations = recommendations
        self.privacy = PrivacyService(customers: customers, recommendations: recommendations)
        self.audit = AuditService(store: store, clock: clock, hasher: secrets, buffer: context.audits)
        self.retention = RetentionService(privacy: privacy, store: store, clock: clock)
        let commerce = CommerceService(customers: customers)
        self.commerce = commerce
        let tracking = TrackingService(commerce: commerce)
        self.tracking = tracking
        self.forms = FormService(customers: customers, tracking: tracking, signUps: signUps)
        self.sources = SourceService(commerce: commerce)
        let keys = APIKeyService(store: store, hasher: secrets, clock: clock)
        self.keys = keys
        self.workspaces = WorkspaceService(store: store, keys: keys, clock: clock)
        self.jobs = JobService(store: store, clock: clock)
        self.webhooks = WebhookService(store: store, clock: clock, outbound: outbound)
        self.dispatcher = EventDispatcher(store: store, clock: clock)
        let inboxes = InboxService(customers: customers, outbound: outbound)
        self.inboxes = inboxes
        self.users = UserService(store: store, clock: clock, passwords: passwords, tokens: secrets, inboxes: inboxes)
        let conversations = ConversationService(customers: customers)
        self.conversations = conversations
        self.bot = BotService(conversations: conversations, commerce: commerce, loyalty: loyalty, helpLinks: helpLinks)
        self.surveys = SurveyService(conversations: conversations, links: surveyLinks, signer: links)
        let lifetime = LifetimeValueService(context: context)
        self.lifetime = lifetime
        self.metrics = StoreMetricsService(store: store, clock: clock)
        let rfm = RFMService(context: context)
        self.rfm = rfm
        self.idempotency = IdempotencyService(store: store, clock: clock)
        self.insightsRefresh = InsightsRefreshService(lifetime: lifetime, rfm: rfm, recommendations: recommendations)
    }
}
