import Foundation

extension CampaignDispatcher {
    /// The recipients' SMS or WhatsApp messages: each their locale's content (their test
    /// variant's, or the winner's after the test), their variables (the profile's and
    /// `personalisation`'s) filled in (`CampaignTextRenderer`).
    public func texts(for claims: [CampaignSendClaim], of campaign: Campaign, personalisation: CampaignPersonalisation = .none) -> [CampaignTextMessage] {
        claims.map { claim in
            let (locale, base) = CampaignEmailRenderer.content(for: claim.locale, in: campaign.definition)
            let variant = claim.variant ?? campaign.winnerVariant
            let content = campaign.definition.experiment?.content(base, variant: variant, locale: locale) ?? base
            let values = personalisation.values(for: claim.customerID, base: CampaignEmailRenderer.values(for: claim, channel: campaign.channel))
            return CampaignTextMessage(
                sendID: claim.sendID, campaignID: campaign.id, workspaceID: campaign.workspaceID, address: claim.address,
                text: campaign.channel == .sms ? CampaignTextRenderer.sms(content.text ?? "", values: values, locale: locale) : nil,
                template: campaign.channel == .whatsapp ? content.template.map { CampaignTextRenderer.whatsApp($0, values: values) } : nil)
        }
    }

    /// The zone a recipient is timed in when nothing about them says where they are: the
    /// sending inbox's `time_zone`, else UTC.
    static func storeTimeZone(of inbox: Inbox?) -> TimeZone {
        inbox?[.timeZone].flatMap { TimeZone(identifier: $0) } ?? TimeZone(identifier: "UTC") ?? .current
    }
}
