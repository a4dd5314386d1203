/// One version of an A/B/n test besides the campaign's own content (which is variant `A`): its
/// name and, per locale, the parts it changes (a subject alone, or a whole body). A locale it
/// does not name gets the campaign's content. A variant may also, or only, change when it goes
/// (`localTime`), for a test of send time.
public struct CampaignVariant: Sendable, Equatable {
    public var name: String
    public var content: [String: CampaignContent]
    /// The time on each recipient's own clock this variant's messages go at, at its next
    /// occurrence once the audience is resolved (`CampaignDeliveryTiming.notBefore(_:now:variantTime:)`);
    /// nil: the campaign's own timing, as `A` has. A test with one puts everyone in the test
    /// (`CampaignExperiment.testsSendTime`): a winner found hours later could not go to the
    /// rest at its time.
    public var localTime: CampaignTimeOfDay?

    public init(name: String, content: [String: CampaignContent], localTime: CampaignTimeOfDay? = nil) {
        self.name = name
        self.content = content
        self.localTime = localTime
    }

    /// The campaign's content with this variant's parts laid over it.
    public func applied(to base: CampaignContent, locale: String) -> CampaignContent {
        guard let change = content[locale] else { return base }
        return CampaignContent(
            subject: change.subject ?? base.subject, preheader: change.preheader ?? base.preheader, body: change.body ?? base.body,
            text: change.text ?? (change.body == nil ? base.text : nil), template: change.template ?? base.template)
    }

    /// The variant as the API reads and writes it: `content` always (empty for a variant that
    /// changes only its time), `local_time` only when it has one, so that the content-only
    /// variants written before send-time tests read and write as they did.
    public var json: JSONValue {
        var fields: [String: JSONValue] = ["name": .string(name), "content": .object(content.mapValues(\.json))]
        if let localTime { fields["local_time"] = .string(localTime.text) }
        return .object(fields)
    }
}
