import Foundation

/// What a campaign sends, to whom, when and how fast: the audience, the content for each
/// locale (a customer gets their locale's, else `defaultLocale`'s), an optional schedule, the
/// share of the audience held out as a baseline, the frequency cap across all marketing, and
/// an optional limit on messages a second.
public struct CampaignDefinition: Sendable, Equatable {
    public static let defaultHoldoutShare = 0.05
    /// More than half held out would leave a campaign measuring more than it sends.
    public static let maximumHoldoutShare = 0.5

    public var audience: CampaignAudience
    /// By locale (`en`, `id`, `pt-BR`); at least one.
    public var content: [String: CampaignContent]
    /// One of `content`'s locales.
    public var defaultLocale: String
    /// Nil: it goes out when someone sends it.
    public var schedule: CampaignSchedule?
    /// The share of the audience, from 0 to 0.5, that gets nothing, so the report can compare.
    public var holdoutShare: Double
    public var frequencyCap: FrequencyCap
    /// Nil: as fast as the provider takes them.
    public var messagesPerSecond: Int?
    /// How long after a click or an open an order is the campaign's.
    public var attribution: CampaignAttributionWindows
    /// What a message costs, for the report's return on investment; nil: not counted.
    public var costPerMessage: CampaignMessageCost?
    /// An A/B/n test of the content; nil: everyone gets the content.
    public var experiment: CampaignExperiment?
    /// Whether messages wait out the recipient's quiet hours (`QuietHours.standard`); nil:
    /// the channel's default (`keepsQuietHours(on:)`).
    public var quietHours: Bool?

    public init(
        audience: CampaignAudience, content: [String: CampaignContent], defaultLocale: String, schedule: CampaignSchedule? = nil,
        holdoutShare: Double = CampaignDefinition.defaultHoldoutShare, frequencyCap: FrequencyCap = .standard, messagesPerSecond: Int? = nil,
        attribution: CampaignAttributionWindows = .standard, costPerMessage: CampaignMessageCost? = nil, experiment: CampaignExperiment? = nil,
        quietHours: Bool? = nil
    ) {
        self.audience = audience
        self.content = content
        self.defaultLocale = defaultLocale
        self.schedule = schedule
        self.holdoutShare = holdoutShare
        self.frequencyCap = frequencyCap
        self.messagesPerSecond = messagesPerSecond
        self.attribution = attribution
        self.costPerMessage = costPerMessage
        self.experiment = experiment
        self.quietHours = quietHours
    }

    /// Whether quiet hours hold: as the definition says, else on SMS and WhatsApp (a phone
    /// that buzzes at night) and not on e-mail (which waits in the inbox).
    public func keepsQuietHours(on channel: CampaignChannel) -> Bool {
        quietHours ?? (channel != .email)
    }

    /// The definition as the API reads and writes it (and as it is stored), every key present.
    public var json: JSONValue {
        .object([
            "audience": audience.json,
            "content": .object(content.mapValues(\.json)),
            "default_locale": .string(defaultLocale),
            "schedule": schedule?.json ?? .null,
            "holdout_share": .number(holdoutShare),
            "frequency_cap": .object(["messages": .number(Double(frequencyCap.messages)), "days": .number(Double(frequencyCap.days))]),
            "throttle": messagesPerSecond.map { .object(["messages_per_second": .number(Double($0))]) } ?? .null,
            "attribution": attribution.json,
            "cost_per_message": costPerMessage?.json ?? .null,
            "experiment": experiment?.json ?? .null,
            "quiet_hours": quietHours.map(JSONValue.bool) ?? .null,
        ])
    }
}
