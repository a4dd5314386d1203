import Foundation

extension JourneyService {
    /// E-mail steps go out only through an inbox that signs them (asked at publish: a draft may
    /// name an inbox whose key is still to come).
    static func requireSigningInboxes(of definition: JourneyDefinition, session: any StoreSession) async throws {
        for (index, step) in definition.steps.enumerated() {
            guard case .send(let send, _) = step.kind, let inbox = try await session.inboxes.inbox(id: send.inboxID) else { continue }
            try CampaignService.requireSigningKey(of: inbox, for: send.channel, field: "definition.steps[\(index)].inbox_id")
        }
    }

    /// A campaign per message step of a version just published (ADR 0013): the step's content,
    /// channel and inbox, no audience (the runner queues each send), no holdout of its own
    /// (the journey's is drawn at entry), the journey's quiet hours.
    static func insertStepCampaigns(
        of definition: JourneyDefinition, journey: Journey, version: Int, status: CampaignStatus, at now: Date, as actor: Actor, session: any StoreSession
    ) async throws {
        for step in definition.steps {
            guard case .send(let send, _) = step.kind else { continue }
            let content = CampaignDefinition(
                audience: CampaignAudience(segmentIDs: []), content: send.content, defaultLocale: send.defaultLocale, holdoutShare: 0,
                quietHours: definition.quietHours)
            try await session.campaigns.insert(
                Campaign(
                    id: ResourceID.make(.campaign, at: now), workspaceID: journey.workspaceID, name: "\(journey.name) · \(step.key) · v\(version)",
                    channel: send.channel, inboxID: send.inboxID, status: status, definition: content, startedAt: now, audienceResolvedAt: now,
                    journeyStep: CampaignJourneyStep(journeyID: journey.id, version: version, stepKey: step.key, isMarketing: send.isMarketing),
                    createdBy: actor.label, createdAt: now, updatedAt: now))
        }
    }

    /// The campaign sender could not send a step's messages (the inbox refuses them, links
    /// would point nowhere): the live journey pauses, and its other step campaigns with it,
    /// audited with the sender's reason. `resume` lets everything go on once it is fixed.
    static func pauseForSender(
        journeyID: String, workspaceID: String, reason: String, at now: Date, by actor: Actor, transaction: WriteTransaction
    ) async throws {
        let session = transaction.session
        // The journey's row first, then its campaigns': the order a manager's pause takes them in.
        guard try await session.journeys.setStatus(.paused, id: journeyID, workspaceID: workspaceID, from: .live, at: now) else { return }
        try await session.campaigns.setJourneyCampaignsStatus(.paused, journeyID: journeyID, whileIn: [.sending], at: now)
        try await session.journeys.moveRevision(workspaceID: workspaceID)
        try await transaction.audit(
            AuditRecord(.journeyPaused, subject: .journey(journeyID), details: ["from": "live", "reason": String(reason.prefix(300))]), by: actor)
    }
}
