import Foundation
import Hummingbird
import RapportChannels
import ServiceLifecycle
import Logging
import RapportCore
import RapportStore

/// Assembles the HTTP application: middleware, routes and background services.
public enum RapportApplication {
    /// The router alone, for in-process tests and the benchmark.
    public static func buildRouter(services: AppServices) throws -> Router<RapportRequestContext> {
        let router = Router(context: RapportRequestContext.self)
        router.add(middleware: RequestIDMiddleware(clock: services.clock))
        router.add(middleware: ProblemMiddleware())
        HealthRoutes(store: services.store).register(on: router)
        OpenAPIRoutes().register(on: router)
        CalendarFileRoutes(feeds: services.calendarFeeds).register(on: router)
        let api = router.group("api/v1")
            .add(middleware: AuthenticationMiddleware(keys: services.keys, cache: APIKeyCache(), users: services.users))
            .add(middleware: IdempotencyMiddleware(idempotency: services.idempotency))
        // Past the middleware someone is known: handlers get a context whose actor is not optional.
        let authenticated = api.group(context: AuthenticatedRequestContext.self)
        CustomerRoutes(customers: services.customers, timeline: services.timeline, segments: services.segments, clock: services.clock).register(on: authenticated)
        ConsentRoutes(consents: services.consents, clock: services.clock).register(on: authenticated)
        PrivacyRoutes(privacy: services.privacy).register(on: authenticated)
        PreferenceRoutes(preferences: services.preferences, address: PublicAddress(configuredBase: services.publicURL)).register(on: authenticated)
        AuditRoutes(audit: services.audit).register(on: authenticated)
        CommerceRoutes(commerce: services.commerce).register(on: authenticated)
        ProductModelRoutes(commerce: services.commerce, links: ProductModelLinks(address: PublicAddress(configuredBase: services.publicURL)))
            .register(on: authenticated)
        RecommendationRoutes(recommendations: services.recommendations).register(on: authenticated)
        MetricsRoutes(metrics: services.metrics, rfm: services.rfm, clock: services.clock).register(on: authenticated)
        SourceRoutes(sources: services.sources).register(on: authenticated)
        WebhookSubscriptionRoutes(webhooks: services.webhooks).register(on: authenticated)
        SegmentRoutes(segments: services.segments).register(on: authenticated)
        SegmentFileRoutes(segments: services.segments).register(api: authenticated)
        CampaignRoutes(campaigns: services.campaigns, templates: services.whatsAppTemplates).register(on: authenticated)
        CampaignPreviewRoutes(sender: services.campaignSender, linkProbe: services.linkProbe).register(on: authenticated)
        let webhooks = services.limits.webhooks.map { router.group().add(middleware: RateLimitMiddleware.perWebhookTarget($0, clock: services.clock)) } ?? router.group()
        WebhookRoutes(sources: services.sources).register(on: webhooks)
        ConversationRoutes(conversations: services.conversations, clock: services.clock).register(on: authenticated)
        InboxSetupRoutes(inboxes: services.inboxes).register(on: authenticated)
        WhatsAppTemplateRoutes(templates: services.whatsAppTemplates).register(on: authenticated)
        JourneyRoutes(journeys: services.journeys).register(on: authenticated)
        WorkTaskRoutes(tasks: services.tasks).register(on: authenticated)
        AlertRoutes(alerts: services.alerts).register(on: authenticated)
        PipelineRoutes(pipelines: services.pipelines).register(on: authenticated)
        DealRoutes(deals: services.deals).register(on: authenticated)
        CompanyRoutes(companies: services.companies).register(on: authenticated)
        LeadRoutes(leads: services.leads, scoring: services.leadScoring).register(on: authenticated)
        LeadScoringRoutes(scoring: services.leadScoring).register(on: authenticated)
        MeetingRoutes(meetings: services.meetings).register(on: authenticated)
        CalendarFeedRoutes(feeds: services.calendarFeeds, address: PublicAddress(configuredBase: services.publicURL)).register(on: authenticated)
        LoyaltyRoutes(loyalty: services.loyalty, clock: services.clock).register(on: authenticated)
        SurveyRoutes(surveys: services.surveys).register(on: authenticated)
        ReferralRoutes(referrals: services.referrals).register(on: authenticated)
        FormRoutes(forms: services.forms).register(on: authenticated)
        ReviewRoutes(reviews: services.reviews, links: ReviewLinks(address: PublicAddress(configuredBase: services.publicURL))).register(on: authenticated)
        LiveRoutes(hub: services.live, conversations: services.conversations, users: services.users, keys: services.keys).register(on: authenticated)
        let address = PublicAddress(configuredBase: services.publicURL)
        MetaWebhookRoutes(inboxes: services.inboxes, conversations: services.conversations).register(on: webhooks)
        TwilioWebhookRoutes(inboxes: services.inboxes, conversations: services.conversations, address: address).register(on: webhooks)
        EmailWebhookRoutes(
            inboxes: services.inboxes, conversations: services.conversations, preferences: services.preferences, feedback: services.deliveryFeedback
        ).register(on: webhooks)
        EmailEventWebhookRoutes(inboxes: services.inboxes, feedback: services.deliveryFeedback, sns: services.sns, clock: services.clock)
            .register(on: webhooks)
        VoiceWebhookRoutes(inboxes: services.inboxes, conversations: services.conversations, address: address).register(on: webhooks)
        let chat = services.limits.chat.map { router.group().add(middleware: RateLimitMiddleware.perChatClient($0, clock: services.clock)) } ?? router.group()
        WebChatRoutes(inboxes: services.inboxes, conversations: services.conversations, hub: services.live, limits: services.limits, clock: services.clock).register(on: chat)
        // The tracking calls answer pages on any origin (the shop's own scripts send them with its
        // public browser key); a sign-up is not open to other sites' pages.
        let writeKeyAuthentication = WriteKeyAuthenticationMiddleware(keys: services.keys, cache: APIKeyCache())
        let writeKeyLimit = services.limits.tracking.map { RateLimitMiddleware.perWriteKey($0, clock: services.clock) }
        var tracking = router.group("v1").add(middleware: TrackingCORSMiddleware()).add(middleware: writeKeyAuthentication)
        var signUps = router.group("v1").add(middleware: writeKeyAuthentication)
        // A form's answers come from the shop's pages; which origins may send them is the form's.
        var formAnswers = router.group("v1").add(middleware: FormCORSMiddleware()).add(middleware: writeKeyAuthentication)
        if let writeKeyLimit {
            tracking = tracking.add(middleware: writeKeyLimit)
            signUps = signUps.add(middleware: writeKeyLimit)
            formAnswers = formAnswers.add(middleware: writeKeyLimit)
        }
        TrackingRoutes(tracking: services.tracking).register(on: tracking.group(context: WriteKeyRequestContext.self))
        SubscribeRoutes(signUps: services.signUps).register(on: signUps.group(context: WriteKeyRequestContext.self))
        FormSubmitRoutes(forms: services.forms).register(on: formAnswers.group(context: WriteKeyRequestContext.self))
        try addWorkspace(to: router, services: services)
        return router
    }

    /// The web workspace: sign-in, the inbox, customers (server-rendered pages).
    static func addWorkspace(to router: Router<RapportRequestContext>, services: AppServices) throws {
        let pages = WebPages(templates: try WebTemplates.load())
        let web = router.group().add(middleware: SecurityHeadersMiddleware())
        try AssetRoutes().register(on: web)
        let open = web.group().add(middleware: WebErrorMiddleware(pages: pages))
        let signedIn = open.group().add(middleware: WebSessionMiddleware(users: services.users))
        LoginRoutes(users: services.users, pages: pages, publicURL: services.publicURL).register(public: open, signedIn: signedIn)
        let workspace = signedIn.group(context: SignedInRequestContext.self)
        let customerViews = CustomerViews(
            customers: services.customers, commerce: services.commerce, recommendations: services.recommendations, journeys: services.journeys,
            tasks: services.tasks, loyalty: services.loyalty, clock: services.clock)
        let inboxViews = InboxViews(
            conversations: services.conversations, inboxes: services.inboxes, customers: services.customers, commerce: services.commerce,
            segments: services.segments, customerViews: customerViews, clock: services.clock)
        InboxPages(conversations: services.conversations, inboxes: services.inboxes, views: inboxViews, pages: pages, clock: services.clock).register(on: workspace)
        let customerPages = CustomerPages(
            customers: services.customers, conversations: services.conversations, inboxes: services.inboxes, consents: services.consents,
            privacy: services.privacy, segments: services.segments, views: customerViews, pages: pages)
        customerPages.register(on: workspace)
        LoyaltyPages(loyalty: services.loyalty, customerPages: customerPages, pages: pages).register(on: workspace)
        FormPages(forms: services.forms, address: PublicAddress(configuredBase: services.publicURL), pages: pages).register(on: workspace)
        SettingsPages(
            users: services.users, inboxes: services.inboxes, keys: services.keys, webhooks: services.webhooks, sources: services.sources,
            views: SettingsViews(inboxes: services.inboxes, keys: services.keys, webhooks: services.webhooks, sources: services.sources), pages: pages,
            address: PublicAddress(configuredBase: services.publicURL)
        ).register(on: workspace)
        DashboardPages(conversations: services.conversations, bot: services.bot, pages: pages, clock: services.clock).register(on: workspace)
        InsightsPages(
            metrics: services.metrics, rfm: services.rfm, lifetime: services.lifetime, refresh: services.insightsRefresh,
            customers: services.customers, segments: services.segments, pages: pages, clock: services.clock
        ).register(on: workspace)
        SegmentFileRoutes(segments: services.segments).register(workspace: workspace)
        BotPages(bot: services.bot, inboxes: services.inboxes, views: BotViews(bot: services.bot, inboxes: services.inboxes), pages: pages)
            .register(on: workspace)
        HelpPages(bot: services.bot, pages: pages).register(on: open)
        SurveyPages(surveys: services.surveys, users: services.users, pages: pages).register(on: open)
        ReviewRequestPages(reviews: services.reviews, users: services.users, pages: pages).register(on: open)
        PublicReviewPages(
            reviews: services.reviews, links: ReviewLinks(address: PublicAddress(configuredBase: services.publicURL)),
            models: ProductModelLinks(address: PublicAddress(configuredBase: services.publicURL)), pages: pages
        ).register(on: open)
        PublicProductModelRoutes(commerce: services.commerce).register(on: open)
        PublicFormRoutes(forms: services.forms).register(on: open)
        AuditPages(audit: services.audit, pages: pages).register(on: workspace)
        ReviewPages(reviews: services.reviews, customers: services.customers, commerce: services.commerce, pages: pages).register(on: workspace)
        SegmentPages(segments: services.segments, pages: pages, clock: services.clock).register(on: workspace)
        CampaignPages(
            campaigns: services.campaigns, sender: services.campaignSender, segments: services.segments, inboxes: services.inboxes,
            templates: services.whatsAppTemplates, linkProbe: services.linkProbe, pages: pages
        ).register(on: workspace)
        JourneyPages(journeys: services.journeys, inboxes: services.inboxes, pages: pages).register(on: workspace)
        let dealPage = SalesDealPages(
            pipelines: services.pipelines, deals: services.deals, tasks: services.tasks, meetings: services.meetings, companies: services.companies,
            conversations: services.conversations, inboxes: services.inboxes, pages: pages)
        dealPage.register(on: workspace)
        SalesListPages(pipelines: services.pipelines, deals: services.deals, leads: services.leads, scoring: services.leadScoring, inboxes: services.inboxes, pages: pages)
            .register(on: workspace)
        SalesPages(
            pipelines: services.pipelines, deals: services.deals, tasks: services.tasks, inboxes: services.inboxes, dealPage: dealPage, pages: pages,
            clock: services.clock
        ).register(on: workspace)
        PreferencePages(preferences: services.preferences, pages: pages).register(on: open)
        CampaignTrackingRoutes(engagement: services.campaignEngagement).register(on: open)
        SignUpPages(signUps: services.signUps, pages: pages).register(on: open)
        CommercePages(
            commerce: services.commerce, customers: services.customers, views: customerViews, recommendations: services.recommendations, pages: pages
        ).register(on: workspace)
    }

    /// What runs beside the HTTP server, or alone in `rapport worker`: the job workers, the
    /// event dispatcher and the housekeeping.
    public static func backgroundServices(
        services: AppServices, workers: Int, logger: Logger, retention: RetentionPolicy = RetentionPolicy()
    ) -> [any Service] {
        // Customers soft-deleted more than 30 days ago, hourly.
        var list: [any Service] = [RepeatingService(name: "purging deleted customers", interval: .seconds(3600), logger: logger) {
            try await services.customers.purgeExpiredDeletions()
        }, RepeatingService(name: "retention", interval: .seconds(3600), logger: logger) {
            // What the retention periods ran out for (RetentionPolicy, docs/privacy.md).
            try await services.retention.run(retention).total
        }, RepeatingService(name: "purging idempotency keys", interval: .seconds(3600), logger: logger) {
            try await services.idempotency.purgeExpired()
        }, RepeatingService(name: "purging delivery tokens", interval: .seconds(600), logger: logger) {
            try await services.inboxes.purgeNonces()
        }, RepeatingService(name: "purging old soft bounces", interval: .seconds(3600), logger: logger) {
            // Those past DeliveryFeedbackService.softBounceWindow count for nothing any more.
            try await services.core.deliveryFeedback.purgeExpiredSoftBounces()
        }, RepeatingService(name: "purging early delivery reports", interval: .seconds(3600), logger: logger) {
            // Reports on campaign texts no batch's record claimed (CampaignEarlyReport.lifetime).
            try await services.campaigns.purgeEarlyReports()
        }]
        if services.store.supportsNotifications {
            let relay = PostgresLiveRelay(store: services.store, hub: services.live, logger: logger)
            services.live.attach(relay: relay)
            list.append(relay)
        }
        if workers > 0 {
            list.append(worker(services: services, concurrency: workers, logger: logger))
            list.append(RepeatingService(name: "dispatching events", interval: .milliseconds(200), busyAt: 1000, logger: logger) {
                try await services.dispatcher.dispatch(limit: 1000)
            })
            list.append(RepeatingService(name: "reopening snoozed conversations", interval: .seconds(5), logger: logger) {
                try await services.conversations.wakeSnoozed()
            })
            // Lifetime values refitted once a day per workspace (checked hourly).
            list.append(RepeatingService(name: "refreshing lifetime values", interval: .seconds(3600), logger: logger) {
                try await services.lifetime.refreshStale(maximumAge: 86_400)
            })
            // RFM scores and lifetime values of customers whose orders changed, every ten seconds
            // (RFM recomputed whole daily; lifetime values refitted above).
            list.append(RepeatingService(name: "scoring RFM", interval: .seconds(10), logger: logger) {
                try await services.rfm.catchUpAll()
            })
            list.append(RepeatingService(name: "rescoring lifetime values", interval: .seconds(10), logger: logger) {
                try await services.lifetime.catchUpAll()
            })
            // Recommendation models retrained hourly per workspace, or after enough changed orders
            // (checked every minute).
            list.append(RepeatingService(name: "training recommendations", interval: .seconds(60), logger: logger) {
                try await services.recommendations.trainStale()
            })
            // Loyalty points whose returns window passed become usable (checked every minute).
            list.append(RepeatingService(name: "releasing loyalty points", interval: .seconds(60), busyAt: 500, logger: logger) {
                try await services.loyalty.releaseDue(limit: 500)
            })
            // Points past the programme's expiry taken, oldest first, customers whose points
            // expire within 30 days told (`loyalty.points_expiring`), and those whose tier changed
            // (`loyalty.tier_changed`): passes over the customers with points, hourly.
            list.append(RepeatingService(name: "expiring loyalty points", interval: .seconds(3600), logger: logger) {
                let expired = try await services.loyalty.expireDue()
                let warned = try await services.loyalty.announceExpiring()
                return expired + warned + (try await services.loyalty.announceTierChanges())
            })
            // Birthday points, once a year each, to those whose birthday is today (UTC): hourly,
            // so a server started late in the day still gives them.
            list.append(RepeatingService(name: "giving birthday points", interval: .seconds(3600), logger: logger) {
                try await services.loyalty.giveBirthdayPoints()
            })
            // Alerts time brings (a task's reminder or due time, a deal stuck in its stage, a
            // meeting about to start), every 30 seconds.
            list.append(RepeatingService(name: "sweeping alerts", interval: .seconds(30), busyAt: 500, logger: logger) {
                try await services.alertSweep.run(limit: 500)
            })
            // Referrals whose friend's first order stood through its returns window are rewarded.
            list.append(RepeatingService(name: "settling referrals", interval: .seconds(60), busyAt: 500, logger: logger) {
                try await services.referrals.settleDue(limit: 500)
            })
            // Segment memberships that time changes, at their moment (checked every five
            // seconds); each segment's size recorded for its chart, hourly.
            list.append(RepeatingService(name: "settling segment flips", interval: .seconds(5), logger: logger) {
                try await services.segments.settleDueFlips()
            })
            list.append(RepeatingService(name: "recording segment sizes", interval: .seconds(3600), logger: logger) {
                try await services.segments.recordSizes()
                return 0
            })
            // Campaigns: scheduled ones started, audiences resolved, a batch at a time sent.
            list.append(RepeatingService(name: "sending campaigns", interval: .seconds(1), busyAt: 1, logger: logger) {
                try await services.campaignSender.runDue()
            })
            // Journeys: customers whose wait is over, or whose event came, walked on a batch at a
            // time (every 200 ms; a round goes on while batches come full).
            list.append(RepeatingService(name: "running journeys", interval: .milliseconds(200), logger: logger) {
                try await services.journeyRunner.runDue()
            })
            // Succeeded and discarded jobs a week after they finished; dead ones stay for an operator.
            list.append(RepeatingService(name: "purging finished jobs", interval: .seconds(3600), logger: logger) {
                try await services.jobs.purgeFinished(olderThan: 7 * 86_400)
            })
        }
        return list
    }

    /// A job worker with every handler of this build.
    public static func worker(services: AppServices, concurrency: Int = 4, logger: Logger) -> JobWorker {
        JobWorker(jobs: services.jobs, handlers: jobHandlers(services: services), concurrency: concurrency, logger: logger)
    }

    /// Every kind of job this build can run.
    static func jobHandlers(services: AppServices) -> [any JobHandler] {
        let http = OutboundHTTP(targets: services.outbound)
        let publicBase = services.publicURL ?? "http://127.0.0.1:8080"
        let email = EmailSender(targets: services.outbound)
        let senders: [any ChannelSender] = [
            WhatsAppSender(http: http), MetaSendAPISender(channel: .messenger, http: http),
            MetaSendAPISender(channel: .instagram, http: http), TwilioSMSSender(http: http, statusCallback: { publicBase + SiteURL.twilioSMSStatus(inboxID: $0.id).path }),
            email, WebChatSender(),
        ]
        return [
            WebhookDeliveryHandler(webhooks: services.webhooks, http: http),
            MessageSendHandler(conversations: services.conversations, senders: senders),
            SLACheckHandler(conversations: services.conversations),
            BotReplyHandler(bot: services.bot),
            BotIdleHandler(bot: services.bot),
            SurveySendHandler(surveys: services.surveys),
            SignUpMailHandler(signUps: services.signUps, sender: email, publicBase: publicBase),
            AlertMailHandler(alerts: services.alerts, sender: email, publicBase: publicBase),
            MeetingInviteHandler(meetings: services.meetings, sender: email),
        ]
    }

    public static func build(
        services: AppServices, host: String, port: Int, workers: Int = 4, logger: Logger,
        connections: ConnectionLimit = .fromEnvironment(ProcessInfo.processInfo.environment), retention: RetentionPolicy = RetentionPolicy(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: try buildRouter(services: services),
            server: connections.server,
            configuration: .init(address: .hostname(host, port: port), serverName: "rapport"),
            services: backgroundServices(services: services, workers: workers, logger: logger, retention: retention),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
