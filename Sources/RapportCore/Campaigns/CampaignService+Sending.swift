import Foundation

extension CampaignService {
    /// Sends a draft: now (`sending`), or, when its definition has a schedule still ahead, at
    /// that time (`scheduled`; the sender starts it). A scheduled campaign sent again goes now.
    /// The sender then resolves its audience into the send log and works through it. E-mail
    /// goes only through an inbox with a DKIM key.
    public func send(id: String, as actor: Actor) async throws -> Campaign {
        try actor.require(.manageCampaigns)
        return try await context.write { transaction in
            let session = transaction.session
            var campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            let from = campaign.status
            guard from == .draft || from == .scheduled else {
                throw RapportError.conflict("Only a draft or scheduled campaign can be sent; this one is \(from.rawValue).")
            }
            // A draft saved under older rules is read as it is: what goes out keeps today's.
            _ = try CampaignDefinitionParser.parse(campaign.definition.json, channel: campaign.channel)
            guard let inbox = try await session.inboxes.inbox(id: campaign.inboxID), inbox.workspaceID == actor.workspaceID else {
                throw RapportError.invalid(field: "inbox_id", "the campaign's inbox no longer exists: choose another")
            }
            try Self.requireSigningKey(of: inbox, for: campaign.channel, field: "inbox_id")
            let now = clock.now()
            var target = CampaignStatus.sending
            if from == .draft, let start = campaign.definition.schedule?.earliestInstant, start > now {
                target = .scheduled
                campaign.scheduledAt = start
                campaign.updatedAt = now
                guard try await session.campaigns.update(campaign, whileIn: [.draft]) else {
                    throw RapportError.conflict("The campaign changed meanwhile; reload it.")
                }
            }
            guard try await session.campaigns.setStatus(target, id: id, workspaceID: actor.workspaceID, whileIn: [from], at: now, reason: nil) else {
                throw RapportError.conflict("The campaign changed meanwhile; reload it.")
            }
            try await transaction.audit(
                AuditRecord(target == .scheduled ? .campaignScheduled : .campaignSent, subject: .campaign(id), details: ["from": from.rawValue]),
                by: actor)
            return try await existing(id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Gmail and Yahoo take one-click unsubscribe only from mail whose DKIM signature covers
    /// it: the inbox's key signs what goes out as Rapport composed it; SendGrid and Postmark
    /// sign with their own domain authentication. E-mail campaigns and journey messages go
    /// only through an inbox that signs.
    static func requireSigningKey(of inbox: Inbox, for channel: CampaignChannel, field: String) throws {
        let signsItself = EmailProvider(settings: inbox.settings)?.sendsComposedMessage ?? true
        guard channel != .email || !signsItself || (inbox[.dkimPrivateKey] != nil && inbox[.dkimDomain] != nil && inbox[.dkimSelector] != nil) else {
            throw RapportError.invalid(
                field: field,
                "the inbox has no DKIM key: run `rapport dkim generate --inbox \(inbox.id) --domain DOMAIN --selector SELECTOR` and publish the record it prints")
        }
    }

    /// Holds a sending campaign: the sender stops claiming its sends (a batch in hand finishes).
    public func pause(id: String, as actor: Actor) async throws -> Campaign {
        try await move(
            id, to: .paused, from: [.sending], action: .campaignPaused, as: actor,
            refusal: { "Only a sending campaign can be paused; this one is \($0.rawValue)." })
    }

    public func resume(id: String, as actor: Actor) async throws -> Campaign {
        let campaign = try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
        if campaign.awaitsWinnerChoice {
            throw RapportError.conflict("Its A/B test found no winner: choose the variant to send to the rest (POST …/winner), which resumes it.")
        }
        return try await move(
            id, to: .sending, from: [.paused], action: .campaignResumed, as: actor,
            refusal: { "Only a paused campaign can be resumed; this one is \($0.rawValue)." })
    }

    /// Stops a scheduled, sending or paused campaign for good; what went out stays in its log.
    public func cancel(id: String, as actor: Actor) async throws -> Campaign {
        try await move(
            id, to: .cancelled, from: [.scheduled, .sending, .paused], action: .campaignCancelled, as: actor,
            refusal: { "Only a scheduled, sending or paused campaign can be cancelled; this one is \($0.rawValue)." })
    }

    /// The campaign's counts from its send log.
    public func stats(id: String, as actor: Actor) async throws -> CampaignStats {
        try actor.require(.viewCampaigns)
        return try await store.read { session in
            let campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            var stats = try await session.campaigns.stats(campaignID: id)
            stats.cancelled = campaign.status == .cancelled
            return stats
        }
    }

    private func move(
        _ id: String, to status: CampaignStatus, from statuses: Set<CampaignStatus>, action: AuditAction, as actor: Actor,
        refusal: @escaping @Sendable (CampaignStatus) -> String
    ) async throws -> Campaign {
        try actor.require(.manageCampaigns)
        return try await context.write { transaction in
            let session = transaction.session
            let campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard statuses.contains(campaign.status) else { throw RapportError.conflict(refusal(campaign.status)) }
            guard try await session.campaigns.setStatus(status, id: id, workspaceID: actor.workspaceID, whileIn: statuses, at: clock.now(), reason: nil) else {
                throw RapportError.conflict("The campaign changed meanwhile; reload it.")
            }
            try await transaction.audit(AuditRecord(action, subject: .campaign(id), details: ["from": campaign.status.rawValue]), by: actor)
            return try await existing(id, workspaceID: actor.workspaceID, session: session)
        }
    }
}
