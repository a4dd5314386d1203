import Foundation

extension CampaignDispatcher {
    /// A round of an A/B/n test: with a winner, a page of those waiting is queued (they get
    /// it); without one, once the wait is over and every test message went, the winner is
    /// chosen when the test says so at its confidence; otherwise the campaign pauses for a
    /// manager to choose (`CampaignService.chooseWinner`). Nothing waiting, nothing to decide:
    /// the campaign finishes as any other.
    func advanceExperiment(of campaign: Campaign) async throws {
        guard let experiment = campaign.definition.experiment else { return }
        if campaign.winnerVariant != nil {
            _ = try await context.write { transaction in
                try await transaction.session.campaigns.releaseWaiting(campaignID: campaign.id, limit: CampaignExperiment.releasePage)
            }
            return
        }
        let (current, pending, waiting) = try await context.store.read { session in
            (try await session.campaigns.find(id: campaign.id, workspaceID: campaign.workspaceID),
             try await session.campaigns.pendingTestSends(campaignID: campaign.id),
             try await session.campaigns.waitingSends(campaignID: campaign.id))
        }
        let now = clock.now()
        guard let current, current.winnerVariant == nil, let resolved = current.audienceResolvedAt, pending == 0, waiting > 0,
            now >= resolved.addingTimeInterval(Double(experiment.waitHours) * 3_600)
        else { return }
        let window = Double(current.definition.attribution.liftDays) * 86_400
        let all = try await context.store.read { session in
            try await experiment.outcomes(campaignID: campaign.id, cost: current.definition.costPerMessage, window: window, session: session)
        }
        if let winner = experiment.winner(of: all) {
            // Another sender or a manager may have chosen meanwhile: then there is nothing to do.
            _ = try await CampaignService.recordWinner(
                winner, of: current, at: now, in: context, by: .system("campaign-sender", workspaceID: campaign.workspaceID), chosenBy: "test")
            return
        }
        let figures = all.map { "\($0.name) \($0.successes)/\($0.members)" }.joined(separator: ", ")
        let reason = all.allSatisfy({ $0.members == 0 })
            ? "\(CampaignExperiment.choiceReasonPrefix): no test message went (every test recipient was left out). Choose the variant to send to the rest."
            : "\(CampaignExperiment.choiceReasonPrefix) at \(Int(experiment.confidence * 100))% (\(experiment.metric.rawValue): \(figures)). Choose the variant to send to the rest."
        try await context.write { transaction in
            guard try await transaction.session.campaigns.pauseForChoice(id: campaign.id, reason: reason, at: now) else { return }
            try await transaction.audit(
                AuditRecord(.campaignPaused, subject: .campaign(campaign.id), details: ["from": "sending", "reason": String(reason.prefix(300))]),
                by: .system("campaign-sender", workspaceID: campaign.workspaceID))
        }
    }
}
