import Foundation

extension CampaignService {
    /// A manager's choice of the variant the rest of the audience gets, once the audience is
    /// resolved: when the test found no winner, or before it ends. Recorded once; the sender
    /// queues everyone waiting with it, and a campaign the test paused for this choice sends
    /// again, in the same transaction. A campaign paused for another reason stays paused.
    public func chooseWinner(id: String, variant: String, as actor: Actor) async throws -> Campaign {
        try actor.require(.manageCampaigns)
        let now = clock.now()
        return try await context.write { transaction in
            let session = transaction.session
            let campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard let experiment = campaign.definition.experiment else { throw RapportError.conflict("This campaign has no A/B test.") }
            guard !experiment.testsSendTime else {
                throw RapportError.conflict("A send-time test sends everyone one of its times: there is no rest of the audience to send a winner to.")
            }
            guard experiment.names.contains(variant) else {
                throw RapportError.invalid(field: "variant", "must be one of the test's variants: \(experiment.names.joined(separator: ", "))")
            }
            guard campaign.winnerVariant == nil else { throw RapportError.conflict("The winner is chosen already: \(campaign.winnerVariant ?? "").") }
            guard [.sending, .paused].contains(campaign.status) else {
                throw RapportError.conflict("A winner is chosen while the campaign sends or is paused; this one is \(campaign.status.rawValue).")
            }
            guard campaign.audienceResolvedAt != nil else {
                throw RapportError.conflict("The audience is still being put in the send log: choose once it is (reload in a moment).")
            }
            guard try await Self.recordWinner(variant, of: campaign, at: now, in: transaction, by: actor, chosenBy: "manager") else {
                throw RapportError.conflict("The winner was chosen meanwhile; reload the campaign.")
            }
            if campaign.awaitsWinnerChoice {
                _ = try await session.campaigns.setStatus(.sending, id: id, workspaceID: actor.workspaceID, whileIn: [.paused], at: now, reason: nil)
                try await transaction.audit(AuditRecord(.campaignResumed, subject: .campaign(id), details: ["from": "paused"]), by: actor)
            }
            return try await existing(id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Records the winner, audited, in its own transaction; answers whether this call did
    /// (false: someone chose first).
    static func recordWinner(_ variant: String, of campaign: Campaign, at now: Date, in context: CoreContext, by actor: Actor, chosenBy: String) async throws
        -> Bool
    {
        try await context.write { transaction in
            try await recordWinner(variant, of: campaign, at: now, in: transaction, by: actor, chosenBy: chosenBy)
        }
    }

    static func recordWinner(
        _ variant: String, of campaign: Campaign, at now: Date, in transaction: WriteTransaction, by actor: Actor, chosenBy: String
    ) async throws -> Bool {
        guard try await transaction.session.campaigns.setWinner(id: campaign.id, variant: variant, at: now) else { return false }
        try await transaction.audit(
            AuditRecord(.campaignWinnerChosen, subject: .campaign(campaign.id), details: ["variant": variant, "chosen_by": chosenBy]), by: actor)
        return true
    }
}
