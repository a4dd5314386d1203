import Foundation

extension CampaignDispatcher {
    /// Checks the campaign's links (`CampaignLinkRule`): every locale's version and every A/B
    /// variant, filled in as the customer would get them (or, without `customerID`, the
    /// sample recipient of a preview, with no name and no orders), personalised by
    /// `personalisation(for:of:)` as the sender does; what is wrong with each as written; and
    /// what fetching each through `probe` finds (at most `CampaignLinkRule.maximumProbes`,
    /// each address once). Nothing is written and nobody is messaged, but it calls the links'
    /// sites: those who write and send campaigns may (`manageCampaigns`). A `{{review_link}}`
    /// is left out: it is signed for each message, and fetching a customer's would open their
    /// request for them.
    public func checkLinks(id: String, customerID: String?, probe: any LinkProbe, as actor: Actor) async throws -> CampaignLinkReport {
        try actor.require(.manageCampaigns)
        let now = clock.now()
        let (campaign, claim) = try await context.store.read { session in
            try await campaigns.linkCheckParts(id: id, customerID: customerID, workspaceID: actor.workspaceID, at: now, session: session)
        }
        var personalisation = try await personalisation(for: [claim], of: campaign)
        personalisation.sendVariables[claim.sendID] = nil
        let values = personalisation.values(for: claim, base: CampaignEmailRenderer.values(for: claim, channel: campaign.channel))
        // Not `links`: the dispatcher's own are the unsubscribe and preference addresses.
        let found = CampaignLinkRule.links(of: campaign.definition, channel: campaign.channel, values: values)
        guard await LinkCheckGate.shared.enter() else {
            throw RapportError.overloaded(
                "Another link check is running on this server; try again in half a minute.", retryAfterSeconds: LinkCheckGate.retryAfterSeconds)
        }
        let probed = await CampaignLinkRule.probed(found, by: probe)
        await LinkCheckGate.shared.leave()
        return CampaignLinkReport(campaignID: campaign.id, customerID: customerID == nil ? nil : claim.customerID, links: probed)
    }
}
