/// The repositories of one read or one transaction, all on the same connection.
public protocol StoreSession: Sendable {
    var workspaces: any WorkspaceRepository { get }
    var apiKeys: any APIKeyRepository { get }
    var customers: any CustomerRepository { get }
    var interactions: any InteractionRepository { get }
    var merges: any MergeRepository { get }
    var events: any EventLog { get }
    var idempotency: any IdempotencyRepository { get }
    var catalog: any CatalogRepository { get }
    var orders: any OrderRepository { get }
    var returns: any ReturnRepository { get }
    var stats: any StatsRepository { get }
    var tracking: any TrackingRepository { get }
    var sources: any SourceRepository { get }
    var jobs: any JobRepository { get }
    var webhooks: any WebhookRepository { get }
    var inboxes: any InboxRepository { get }
    var conversations: any ConversationRepository { get }
    var users: any UserRepository { get }
    var bot: any BotRepository { get }
    var helpArticles: any HelpArticleRepository { get }
    var insights: any InsightsRepository { get }
    var consents: any ConsentRepository { get }
    var audit: any AuditRepository { get }
    var privacy: any PrivacyRepository { get }
    var preferences: any PreferenceRepository { get }
    var suppressions: any SuppressionRepository { get }
    var signUps: any SignUpRepository { get }
    var retention: any RetentionRepository { get }
    var segments: any SegmentRepository { get }
    var campaigns: any CampaignRepository { get }
    var journeys: any JourneyRepository { get }
    var tasks: any WorkTaskRepository { get }
    var loyalty: any LoyaltyRepository { get }
    var reviews: any ReviewRepository { get }
    var surveys: any SurveyRepository { get }
}
