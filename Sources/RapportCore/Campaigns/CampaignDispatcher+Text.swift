import Foundation

extension CampaignDispatcher {
    /// The recipients' SMS or WhatsApp messages: each their locale's content (their test
    /// variant's, or the winner's after the test), their variables (the profile's and
    /// `personalisation`'s) filled in (`CampaignTextRenderer`).
    /// With `tracksClicks`, an SMS's links become short click redirects (`CampaignTextLinks`),
    /// except for the `untracked` customers.
    public func texts(
        for claims: [CampaignSendClaim], of campaign: Campaign, personalisation: CampaignPersonalisation = .none, tracksClicks: Bool = false,
        untracked: Set<String> = []
    ) -> [CampaignTextMessage] {
        let targets = tracksClicks && campaign.channel == .sms ? CampaignTextLinks.targets(of: campaign.definition) : []
        return claims.map { claim in
            let (locale, base) = CampaignEmailRenderer.content(for: claim.locale, in: campaign.definition)
            let variant = claim.variant ?? campaign.winnerVariant
            let content = campaign.definition.experiment?.content(base, variant: variant, locale: locale) ?? base
            let values = personalisation.values(for: claim, base: CampaignEmailRenderer.values(for: claim, channel: campaign.channel))
            let sms = campaign.channel == .sms ? CampaignTextRenderer.sms(content.text ?? "", values: values, locale: locale) : nil
            return CampaignTextMessage(
                sendID: claim.sendID, campaignID: campaign.id, workspaceID: campaign.workspaceID, address: claim.address,
                text: sms.map { trackedText($0, of: claim, targets: untracked.contains(claim.customerID) ? [] : targets) },
                template: campaign.channel == .whatsapp ? content.template.map { CampaignTextRenderer.whatsApp($0, values: values) } : nil)
        }
    }

    private func trackedText(_ text: String, of claim: CampaignSendClaim, targets: [String]) -> String {
        CampaignTextLinks.trackedWithinLimit(text, targets: targets) { index in
            links.textClickURL(
                sendID: claim.sendID, index: index,
                signature: CampaignTextLinks.signature(sendID: claim.sendID, index: index, target: targets[index], signer: signer))
        }
    }

    /// The zone a recipient is timed in when nothing about them says where they are: the
    /// sending inbox's `time_zone`, else UTC.
    static func storeTimeZone(of inbox: Inbox?) -> TimeZone {
        inbox?[.timeZone].flatMap { TimeZone(identifier: $0) } ?? TimeZone(identifier: "UTC") ?? .current
    }
}
