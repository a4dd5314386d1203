import Foundation

extension CampaignService {
    /// What a link check fills the campaign's links from: the campaign (of the workspace, on
    /// any channel) and a claim as a preview makes it (`previewClaim`) — the customer's, or a
    /// sample's with no name, so every fallback shows: at `sampleAddress` on e-mail, without a
    /// number on SMS and WhatsApp.
    func linkCheckParts(
        id: String, customerID: String?, workspaceID: String, at now: Date, session: any StoreSession
    ) async throws -> (campaign: Campaign, claim: CampaignSendClaim) {
        let campaign = try await existing(id, workspaceID: workspaceID, session: session)
        let claim = try await previewClaim(
            customerID: customerID, locale: nil, channel: campaign.channel, sampleAddress: campaign.channel == .email ? Self.sampleAddress : "",
            workspaceID: workspaceID, at: now, session: session)
        return (campaign, claim)
    }
}
