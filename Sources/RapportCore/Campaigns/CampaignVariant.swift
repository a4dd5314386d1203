/// One version of an A/B/n test besides the campaign's own content (which is variant `A`): its
/// name and, per locale, the parts it changes (a subject alone, or a whole body). A locale it
/// does not name gets the campaign's content.
public struct CampaignVariant: Sendable, Equatable {
    public var name: String
    public var content: [String: CampaignContent]

    public init(name: String, content: [String: CampaignContent]) {
        self.name = name
        self.content = content
    }

    /// The campaign's content with this variant's parts laid over it.
    public func applied(to base: CampaignContent, locale: String) -> CampaignContent {
        guard let change = content[locale] else { return base }
        return CampaignContent(
            subject: change.subject ?? base.subject, preheader: change.preheader ?? base.preheader, body: change.body ?? base.body,
            text: change.text ?? (change.body == nil ? base.text : nil), template: change.template ?? base.template)
    }

    public var json: JSONValue {
        .object(["name": .string(name), "content": .object(content.mapValues(\.json))])
    }
}
