import Foundation

extension CampaignService {
    /// Where a preview without a customer pretends to send (RFC 2606 reserves the domain: no
    /// such mailbox exists anywhere).
    public static let sampleAddress = "customer@example.com"

    /// What a preview or a test send renders from: the campaign (an e-mail campaign of the
    /// workspace), its inbox, and a claim as the sender would hold it for the customer — their
    /// first name, last name and locale from the profile, their first e-mail identity (by when
    /// it was added, as the send log takes it) — under a fresh send id no send log row has, so
    /// a bounce or a reply naming it finds nothing. Without a customer, the claim is a sample
    /// at `sampleAddress` with no name, so every fallback shows. `locale`, when given, stands
    /// in for the customer's own.
    func previewParts(
        id: String, customerID: String?, locale: String?, sampleAddress: String, workspaceID: String, at now: Date, session: any StoreSession
    ) async throws -> (campaign: Campaign, inbox: Inbox, claim: CampaignSendClaim) {
        let campaign = try await existing(id, workspaceID: workspaceID, session: session)
        guard campaign.channel == .email else {
            throw RapportError.invalid(field: "channel", "\(campaign.channel.label) campaigns cannot be previewed yet; e-mail campaigns can")
        }
        guard let inbox = try await session.inboxes.inbox(id: campaign.inboxID), inbox.workspaceID == workspaceID else {
            throw RapportError.conflict("The campaign's inbox no longer exists; choose another inbox for it.")
        }
        let claim = try await previewClaim(
            customerID: customerID, locale: locale, channel: campaign.channel, sampleAddress: sampleAddress, workspaceID: workspaceID, at: now,
            session: session)
        return (campaign, inbox, claim)
    }

    /// A claim as the sender would hold it for the customer, under a fresh send id: their
    /// first name, last name and locale from the profile (`locale`, when given, stands in for
    /// it), and their first address on the channel (by when it was added, as the send log takes
    /// it). Without a customer, a sample at `sampleAddress` with no name.
    func previewClaim(
        customerID: String?, locale: String?, channel: CampaignChannel, sampleAddress: String, workspaceID: String, at now: Date,
        session: any StoreSession
    ) async throws -> CampaignSendClaim {
        if let locale, !CampaignDefinitionParser.isLocale(locale) {
            throw RapportError.invalid(field: "locale", "must be a language, optionally with a region: en, id, pt-BR")
        }
        let sendID = ResourceID.make(.campaignSend, at: now)
        guard let customerID else {
            return CampaignSendClaim(
                sendID: sendID, customerID: ResourceID.make(.customer, at: now), address: sampleAddress, variant: nil, firstName: nil,
                lastName: nil, locale: locale)
        }
        guard ResourceID.isValid(customerID, prefix: .customer), let customer = try await session.customers.find(id: customerID, workspaceID: workspaceID),
            customer.deletedAt == nil, customer.mergedIntoID == nil
        else {
            throw RapportError.invalid(field: "customer_id", "names no customer of this workspace (\(customerID.prefix(64)))")
        }
        let address = channel.addressKinds.lazy.compactMap { kind in
            customer.identities.filter { $0.kind == kind }.min { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }?.value
        }.first
        return CampaignSendClaim(
            sendID: sendID, customerID: customer.id, address: address ?? "", variant: nil, firstName: customer.profile.firstName,
            lastName: customer.profile.lastName, locale: locale ?? customer.profile.locale)
    }

    /// Who a test send goes to: always a user of the workspace, never a customer or a stranger,
    /// so no key or account can use test sends to mail people outside the team. Without
    /// `address`, the signed-in user (an API key has no address of its own and must name one);
    /// with it, the active user of the workspace who has that address.
    func testRecipient(_ address: String?, as actor: Actor, session: any StoreSession) async throws -> User {
        let users = try await session.inboxes.agents(workspaceID: actor.workspaceID).filter { $0.deactivatedAt == nil }
        if let wanted = address?.trimmed, !wanted.isEmpty {
            guard let user = users.first(where: { $0.email.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw RapportError.invalid(
                    field: "address", "must be the e-mail address of an active user of this workspace: a test goes to the team, never to customers or anyone else")
            }
            return user
        }
        guard let userID = actor.userID, let user = users.first(where: { $0.id == userID }) else {
            throw RapportError.invalid(field: "address", "is required with an API key: the e-mail address of a user of this workspace, who gets the test")
        }
        return user
    }
}
