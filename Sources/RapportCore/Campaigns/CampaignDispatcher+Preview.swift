import Foundation

extension CampaignDispatcher {
    /// A test is one message and someone waits for it: the mail server gets this long.
    public static let testSendDeadline: Duration = .seconds(30)
    /// What a test's subject starts with, so nobody takes it for the campaign itself.
    public static let testSubjectPrefix = "[Test] "

    /// The campaign's e-mail as the customer would get it (or, without `customerID`, a sample
    /// recipient with no name and no orders, so every fallback shows, and the popular products
    /// in `{{recommendations}}`), in `locale`'s content when given, else the customer's:
    /// personalised by `personalisation(for:of:)` and rendered by
    /// `emails(for:of:inbox:at:untracked:personalisation:)`, the sender's own code, so what is
    /// shown is what goes out. Two things differ, so that looking at a preview (or
    /// clicking in it) changes nothing for the customer:
    /// - its unsubscribe and preference-centre links, and the mailto of `List-Unsubscribe`,
    ///   keep their real format but carry a token signed `preview`, which Rapport refuses as it
    ///   refuses a forged one (`CampaignPreviewSigner`): nobody can unsubscribe the customer
    ///   from a preview;
    /// - it is untracked: its links lead straight to their targets and it has no open pixel.
    /// `variant` shows one version of an A/B/n test (`A` the campaign's own content); without
    /// it, the winner once chosen, else `A`.
    /// Everyone signed in may preview (campaigns and customers are everyone's to see).
    public func preview(id: String, customerID: String?, locale: String?, variant: String? = nil, as actor: Actor) async throws -> CampaignPreview {
        try actor.require(.viewCampaigns)
        let now = clock.now()
        let parts = try await context.store.read { session in
            try await campaigns.previewParts(
                id: id, customerID: customerID, locale: locale, sampleAddress: CampaignService.sampleAddress, workspaceID: actor.workspaceID, at: now,
                session: session)
        }
        return try await rendered(parts.claim, of: parts.campaign, inbox: parts.inbox, at: now, sample: customerID == nil, variant: variant)
    }

    /// Sends the preview once, through the campaign's inbox and transport (DKIM-signed when the
    /// inbox has a key), to a user of the workspace: the signed-in user, or the active user
    /// whose address `address` is (`CampaignService.testRecipient`: never anyone outside the
    /// team). The subject starts with `[Test] `; the links do nothing, as a preview's. Nothing
    /// is written to the send log, so the campaign's counts, the frequency cap and bounces never
    /// see it; the audit log keeps it (`campaign.test_sent`, with the user it went to), sent or
    /// not. A mail server that does not take it is a 422 with the server's words.
    public func testSend(id: String, customerID: String?, locale: String?, variant: String? = nil, to address: String?, as actor: Actor) async throws
        -> CampaignTestSend
    {
        try actor.require(.manageCampaigns)
        let now = clock.now()
        let (recipient, parts) = try await context.store.read { session in
            let recipient = try await campaigns.testRecipient(address, as: actor, session: session)
            let parts = try await campaigns.previewParts(
                id: id, customerID: customerID, locale: locale, sampleAddress: recipient.email, workspaceID: actor.workspaceID, at: now,
                session: session)
            return (recipient, parts)
        }
        let preview = try await rendered(parts.claim, of: parts.campaign, inbox: parts.inbox, at: now, sample: customerID == nil, variant: variant)
        var email = preview.email
        email.address = recipient.email
        email.name = recipient.name
        email.subject = Self.testSubjectPrefix + email.subject
        let outcome = await transport.deliver([email], through: parts.inbox, at: now, deadline: Self.testSendDeadline).first
            ?? .deferred("The mail server was not reached.")
        let sent = if case .sent = outcome { true } else { false }
        let record = AuditRecord(
            .campaignTestSent, subject: .campaign(id),
            details: [
                "to": "user:\(recipient.id)", "content": customerID == nil ? "sample" : "customer", "outcome": sent ? "sent" : "not_sent",
            ].merging(preview.variant.map { ["variant": $0] } ?? [:]) { first, _ in first })
        try await context.write { transaction in try await transaction.audit(record, by: actor) }
        switch outcome {
        case .sent(let messageID):
            return CampaignTestSend(to: recipient.email, subject: email.subject, locale: preview.locale, messageID: messageID, variant: preview.variant)
        case .refused(let reason):
            throw RapportError.invalid(field: "address", "was refused by the inbox's mail server: \(reason)")
        case .deferred(let reason), .throttled(let reason):
            throw RapportError.invalid(field: "inbox_id", "the inbox's mail server did not take the test: \(reason)")
        }
    }

    /// The claim's e-mail from the sender's own personalisation and rendering, through a copy
    /// of this sender whose signer makes links that do nothing (a `{{review_link}}` too: a test
    /// sent to the team cannot write a customer's review), untracked.
    private func rendered(_ claim: CampaignSendClaim, of campaign: Campaign, inbox: Inbox, at now: Date, sample: Bool, variant: String?) async throws
        -> CampaignPreview
    {
        var claim = claim
        if let variant {
            guard let experiment = campaign.definition.experiment, experiment.names.contains(variant) else {
                let names = campaign.definition.experiment?.names.joined(separator: ", ")
                throw RapportError.invalid(field: "variant", names.map { "is not one of the campaign's versions (\($0))" } ?? "is for A/B tests; this campaign has none")
            }
            claim.variant = variant
        }
        let inert = CampaignDispatcher(campaigns: campaigns, transport: transport, signer: CampaignPreviewSigner(), links: links)
        let personalisation = try await inert.personalisation(for: [claim], of: campaign)
        guard let email = inert.emails(for: [claim], of: campaign, inbox: inbox, at: now, untracked: [claim.customerID], personalisation: personalisation).first
        else {
            throw RapportError.conflict("The campaign's e-mail could not be rendered.")
        }
        let locale = CampaignEmailRenderer.content(for: claim.locale, in: campaign.definition).locale
        let shown = campaign.definition.experiment == nil ? nil : (claim.variant ?? campaign.winnerVariant ?? CampaignExperiment.controlName)
        return CampaignPreview(email: email, locale: locale, customerID: sample ? nil : claim.customerID, variant: shown)
    }
}
