import Foundation

/// Counts what recipients do with campaign messages, from the links `CampaignTracking` signs:
/// the click redirect (which sends the customer on to the signed target and nowhere else) and
/// the open pixel. Anyone may call them, so nothing but a valid signature is believed, and the
/// signature binds the send and the target. Checking and counting are separate steps so that
/// a customer is sent on even when the count cannot be written.
public struct CampaignEngagementService: Sendable {
    let context: CoreContext
    let signer: any LinkSigner

    public init(context: CoreContext, signer: any LinkSigner) {
        self.context = context
        self.signer = signer
    }

    /// The target a click redirect may lead to. A signature that is not this installation's
    /// for the send and target is a 404: the redirect never leads anywhere it did not sign.
    public func clickTarget(sendID: String, signature: String, target: String) throws(RapportError) -> String {
        guard ResourceID.isValid(sendID, prefix: .campaignSend), target.utf8.count <= 8_192, CampaignTracking.isValidClick(sendID: sendID, target: target, signature: signature, signer: signer) else {
            throw RapportError.notFound("This link is not valid.")
        }
        return target
    }

    /// The target of an SMS's short click redirect: the campaign's link `index`
    /// (`CampaignTextLinks`). A signature that is not this installation's for the send and the
    /// link, or a link the campaign does not have, is a 404.
    public func textClickTarget(sendID: String, index: String, signature: String) async throws -> String {
        // One spelling per link: `1`, not `01` or `+1`; and the signature's length before any read.
        guard ResourceID.isValid(sendID, prefix: .campaignSend), let number = Int(index), number >= 0, String(number) == index,
            signature.utf8.count == CampaignTextLinks.signatureLength
        else { throw RapportError.notFound("This link is not valid.") }
        let targets = try await context.store.read { session -> [String] in
            guard let send = try await session.campaigns.send(id: sendID, workspaceID: nil),
                let campaign = try await session.campaigns.find(id: send.campaignID, workspaceID: send.workspaceID), campaign.channel == .sms
            else { return [] }
            return CampaignTextLinks.targets(of: campaign.definition)
        }
        guard number < targets.count,
            CampaignTextLinks.isValid(sendID: sendID, index: number, target: targets[number], signature: signature, signer: signer)
        else { throw RapportError.notFound("This link is not valid.") }
        return targets[number]
    }

    /// Checks an open pixel's signature: one that is not this installation's for the send is a 404.
    public func checkOpen(sendID: String, signature: String) throws(RapportError) {
        guard ResourceID.isValid(sendID, prefix: .campaignSend), CampaignTracking.isValidOpen(sendID: sendID, signature: signature, signer: signer) else {
            throw RapportError.notFound("This image is not valid.")
        }
    }

    /// Counts an open or a click of a send whose link was checked; answers whether the send
    /// was found (a message that went).
    @discardableResult
    public func record(_ kind: CampaignEngagement, sendID: String) async throws -> Bool {
        let now = context.clock.now()
        return try await context.store.write { session in try await session.campaigns.recordEngagement(kind, sendID: sendID, at: now) }
    }
}
