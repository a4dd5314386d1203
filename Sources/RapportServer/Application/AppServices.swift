import Foundation
import RapportChannels
import RapportCore
import RapportStore

/// The application's parts over one store: Core's services (`CoreServices`, reached as
/// `services.customers`, `services.bot`, …), the live hub and the server's settings. What the
/// routes, the worker, the CLI and the tests call.
@dynamicMemberLookup
public struct AppServices: Sendable {
    public let store: SQLDataStore
    public let core: CoreServices
    /// Connected agents of this process (and, on PostgreSQL, the relay to the others).
    public let live: LiveHub
    /// The base URL providers and browsers reach Rapport at (`RAPPORT_PUBLIC_URL`); nil means
    /// the address each request came in on.
    public let publicURL: String?
    /// Where Rapport's own links point when no request says: the public address, or this machine's.
    public let siteBase: String
    /// Where phone numbers without a country code are taken to be.
    public let defaultRegion: PhoneRegion
    /// Where Rapport's own requests may go (webhooks, providers' APIs, SMTP servers).
    public let outbound: OutboundTargets
    /// Requests per client on the public doors: tracking, web chat, inbound webhooks.
    public let limits: RateLimits
    /// Sends campaigns through their inboxes (run by the worker; tests call it directly).
    public let campaignSender: CampaignDispatcher
    /// Amazon SNS's signing certificates and subscription confirmations, for SES's events.
    public let sns: any SNSClient
    /// The message templates of WhatsApp inboxes' business accounts, read from Meta's Graph API.
    public let whatsAppTemplates: WhatsAppTemplateService
    /// Fetches campaigns' links for the link checker, within `outbound`'s rules.
    public let linkProbe: any LinkProbe

    public init(
        store: SQLDataStore, defaultRegion: PhoneRegion, clock: any WallClock = SystemWallClock(),
        publicURL: String? = ProcessInfo.processInfo.environment["RAPPORT_PUBLIC_URL"],
        passwords: any PasswordHasher = BcryptPasswordHasher(), localPort: Int = 8080,
        outbound: OutboundTargets = AppServices.outboundFromEnvironment(), limits: RateLimits = .fromEnvironment(),
        sns: (any SNSClient)? = nil, templateDirectory: (any WhatsAppTemplateDirectory)? = nil, linkProbe: (any LinkProbe)? = nil
    ) {
        self.store = store
        self.outbound = outbound
        self.sns = sns ?? HTTPSNSClient(http: OutboundHTTP(targets: outbound))
        self.limits = limits
        self.defaultRegion = defaultRegion
        self.publicURL = publicURL
        let siteBase = publicURL ?? "http://127.0.0.1:\(localPort)"
        self.siteBase = siteBase
        let live = LiveHub(visitorStreamsPerClient: limits.chatStreamsPerAddress, visitorStreamsPerWorkspace: limits.chatStreamsPerWorkspace)
        self.live = live
        // The bot's help-centre links need an address outside any request: the public one, or this machine's.
        self.core = CoreServices(
            context: CoreContext(store: store, clock: clock, live: live), normalizer: IdentityNormalizer(defaultRegion: defaultRegion),
            secrets: SHA256SecretHasher(), passwords: passwords, outbound: outbound,
            helpLinks: SiteHelpLinks(base: siteBase), surveyLinks: SiteSurveyLinks(base: siteBase), links: store.linkSigner)
        self.whatsAppTemplates = WhatsAppTemplateService(
            inboxes: core.inboxes, directory: templateDirectory ?? WhatsAppTemplateCatalog(http: OutboundHTTP(targets: outbound)))
        // Public addresses only, whatever RAPPORT_ALLOW_PRIVATE_TARGETS says: recipients cannot
        // reach private ones, and the check must not let marketers map the network.
        self.linkProbe = linkProbe
            ?? HTTPLinkProbe(http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: false), timeoutSeconds: HTTPLinkProbe.deadline.components.seconds))
        self.campaignSender = Self.campaignSender(
            core: core, store: store, outbound: outbound, base: siteBase,
            batchSize: CampaignDispatcher.defaultBatchSize,
            claimLifetime: ProcessInfo.processInfo.environment["RAPPORT_CAMPAIGN_CLAIM_SECONDS"].flatMap(TimeInterval.init)
                ?? CampaignDispatcher.defaultClaimLifetime)
    }

    public subscript<Service>(dynamicMember keyPath: KeyPath<CoreServices, Service>) -> Service {
        core[keyPath: keyPath]
    }

    /// A campaign sender over these services with its own batch size (the benchmark's).
    public func campaignSender(batchSize: Int) -> CampaignDispatcher {
        Self.campaignSender(
            core: core, store: store, outbound: outbound, base: publicURL ?? "http://127.0.0.1:8080", batchSize: batchSize,
            claimLifetime: CampaignDispatcher.defaultClaimLifetime)
    }

    private static func campaignSender(
        core: CoreServices, store: SQLDataStore, outbound: OutboundTargets, base: String, batchSize: Int, claimLifetime: TimeInterval
    ) -> CampaignDispatcher {
        CampaignDispatcher(
            campaigns: core.campaigns,
            transport: ProviderRoutingCampaignTransport(smtp: SMTPCampaignTransport(targets: outbound), http: OutboundHTTP(targets: outbound)),
            textTransport: ProviderCampaignTextTransport(
                http: OutboundHTTP(targets: outbound), statusCallback: { base + SiteURL.twilioSMSStatus(inboxID: $0.id).path }),
            signer: store.linkSigner,
            links: SiteCampaignLinks(base: base), batchSize: batchSize, claimLifetime: claimLifetime)
    }

    /// The clock every service reads.
    public var clock: any WallClock { core.context.clock }

    /// `RAPPORT_ALLOW_PRIVATE_TARGETS=1` (or `true`) lets Rapport call loopback and private
    /// addresses; off by default.
    public static func outboundFromEnvironment() -> OutboundTargets {
        let value = ProcessInfo.processInfo.environment["RAPPORT_ALLOW_PRIVATE_TARGETS"]?.lowercased()
        return OutboundTargets(allowsPrivate: value == "1" || value == "true" || value == "yes")
    }
}
