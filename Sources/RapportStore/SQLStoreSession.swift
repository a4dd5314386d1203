import RapportCore

/// The repositories of one connection lease.
struct SQLStoreSession: StoreSession {
    let handle: SQLConnectionHandle
    let secrets: SecretBox

    var workspaces: any WorkspaceRepository { SQLWorkspaceRepository(handle: handle) }
    var apiKeys: any APIKeyRepository { SQLAPIKeyRepository(handle: handle) }
    var customers: any CustomerRepository { SQLCustomerRepository(handle: handle) }
    var interactions: any InteractionRepository { SQLInteractionRepository(handle: handle) }
    var merges: any MergeRepository { SQLMergeRepository(handle: handle) }
    var events: any EventLog { SQLEventLog(handle: handle) }
    var idempotency: any IdempotencyRepository { SQLIdempotencyRepository(handle: handle) }
    var catalog: any CatalogRepository { SQLCatalogRepository(handle: handle) }
    var productModels: any ProductModelRepository { SQLProductModelRepository(handle: handle) }
    var orders: any OrderRepository { SQLOrderRepository(handle: handle) }
    var returns: any ReturnRepository { SQLReturnRepository(handle: handle) }
    var stats: any StatsRepository { SQLStatsRepository(handle: handle) }
    var tracking: any TrackingRepository { SQLTrackingRepository(handle: handle) }
    var sources: any SourceRepository { SQLSourceRepository(handle: handle, secrets: secrets) }
    var jobs: any JobRepository { SQLJobRepository(handle: handle) }
    var webhooks: any WebhookRepository { SQLWebhookRepository(handle: handle, secrets: secrets) }
    var inboxes: any InboxRepository { SQLInboxRepository(handle: handle, secrets: secrets) }
    var conversations: any ConversationRepository { SQLConversationRepository(handle: handle) }
    var users: any UserRepository { SQLUserRepository(handle: handle) }
    var bot: any BotRepository { SQLBotRepository(handle: handle) }
    var helpArticles: any HelpArticleRepository { SQLHelpArticleRepository(handle: handle) }
    var insights: any InsightsRepository { SQLInsightsRepository(handle: handle) }
    var consents: any ConsentRepository { SQLConsentRepository(handle: handle) }
    var audit: any AuditRepository { SQLAuditRepository(handle: handle) }
    var privacy: any PrivacyRepository { SQLPrivacyRepository(handle: handle) }
    var preferences: any PreferenceRepository { SQLPreferenceRepository(handle: handle) }
    var signUps: any SignUpRepository { SQLSignUpRepository(handle: handle) }
    var forms: any FormRepository { SQLFormRepository(handle: handle) }
    var suppressions: any SuppressionRepository { SQLSuppressionRepository(handle: handle, digests: SuppressionDigest(box: secrets)) }
    var retention: any RetentionRepository { SQLRetentionRepository(handle: handle) }
    var segments: any SegmentRepository { SQLSegmentRepository(handle: handle) }
    var campaigns: any CampaignRepository { SQLCampaignRepository(handle: handle) }
    var journeys: any JourneyRepository { SQLJourneyRepository(handle: handle) }
    var tasks: any WorkTaskRepository { SQLWorkTaskRepository(handle: handle) }
    var loyalty: any LoyaltyRepository { SQLLoyaltyRepository(handle: handle) }
    var reviews: any ReviewRepository { SQLReviewRepository(handle: handle) }
    var surveys: any SurveyRepository { SQLSurveyRepository(handle: handle) }
    var referrals: any ReferralRepository { SQLReferralRepository(handle: handle) }
    var sales: any SalesRepository { SQLSalesRepository(handle: handle) }
    var companies: any CompanyRepository { SQLCompanyRepository(handle: handle) }
    var leads: any LeadRepository { SQLLeadRepository(handle: handle) }
    var leadScoring: any LeadScoringRepository { SQLLeadScoringRepository(handle: handle) }
    var calendar: any CalendarRepository { SQLCalendarRepository(handle: handle) }
    var alerts: any AlertRepository { SQLAlertRepository(handle: handle) }
}
