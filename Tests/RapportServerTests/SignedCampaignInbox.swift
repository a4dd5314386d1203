import RapportChannels
import RapportCore

/// An e-mail inbox on the SMTP sink with an ed25519 DKIM key, as campaigns need to send.
enum SignedCampaignInbox {
    static func make(_ api: APIHarness, sink: SMTPSink) async throws -> String {
        let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
        let inbox = try await api.services.inboxes.inbox(id: inboxID, channel: .email)
        _ = try await api.services.inboxes.updateInbox(
            id: inboxID, name: inbox.name,
            settingChanges: ["dkim_domain": "shop.test", "dkim_selector": "s1", "dkim_private_key": try DKIMKey.generate(.ed25519SHA256).pemRepresentation],
            teamID: nil, slaPolicyID: nil, as: .operator(workspaceID: api.workspaceID))
        return inboxID
    }
}
