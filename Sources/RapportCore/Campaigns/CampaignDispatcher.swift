import Foundation

/// The campaign sender: starts scheduled campaigns when their time comes, resolves a sending
/// campaign's audience into its send log (`CampaignRecipientRule` for each member), then claims
/// its queued sends a batch at a time, renders them, hands them to the transport and records
/// what became of each. Any number of senders (processes) may share a store: a claim holds a
/// batch for `claimLifetime`, and a batch a dead sender held is claimed again after that.
///
/// The in-flight window: a sender records a batch's outcomes after the batch; killed between
/// the server taking a message and that record, at most `batchSize` messages per sender can go
/// out a second time when the batch is claimed again. Nothing else is ever sent twice: the log
/// has one row per campaign and customer, and a recorded send is never claimed again.
public struct CampaignDispatcher: Sendable {
    public static let defaultBatchSize = 25
    /// Members read per step of the audience resolution.
    public static let audiencePage = 1_000
    /// How long a claim holds a batch by default; a sender's batch takes far less.
    public static let defaultClaimLifetime: TimeInterval = 120
    /// When a deferred send is tried again.
    public static let retryDelay: TimeInterval = 60

    let campaigns: CampaignService
    let transport: any CampaignEmailTransport
    let signer: any LinkSigner
    let links: any CampaignLinks
    let batchSize: Int
    /// How long a claim holds a batch: after a sender dies, its batch waits this long.
    let claimLifetime: TimeInterval
    var context: CoreContext { campaigns.context }
    var clock: any WallClock { campaigns.clock }

    public init(
        campaigns: CampaignService, transport: any CampaignEmailTransport, signer: any LinkSigner, links: any CampaignLinks,
        batchSize: Int = CampaignDispatcher.defaultBatchSize, claimLifetime: TimeInterval = CampaignDispatcher.defaultClaimLifetime
    ) {
        self.campaigns = campaigns
        self.transport = transport
        self.signer = signer
        self.links = links
        self.batchSize = max(1, batchSize)
        self.claimLifetime = max(1, claimLifetime)
    }

    /// One round: due campaigns started, audiences resolved, one batch of each sending
    /// campaign sent. Answers how many sends it handled (resolved or delivered).
    public func runDue() async throws -> Int {
        let now = clock.now()
        let due = try await context.store.read { session in try await session.campaigns.due(at: now, limit: 20) }
        for campaign in due {
            try await context.write { transaction in
                if try await transaction.session.campaigns.setStatus(.sending, id: campaign.id, workspaceID: campaign.workspaceID, whileIn: [.scheduled], at: now) {
                    try await transaction.audit(
                        AuditRecord(.campaignSent, subject: .campaign(campaign.id), details: ["from": "scheduled"]), by: .system("campaign-sender", workspaceID: campaign.workspaceID))
                }
            }
        }
        var handled = 0
        for campaign in try await context.store.read({ session in try await session.campaigns.sending(limit: 20) }) {
            if campaign.audienceResolvedAt == nil { handled += try await resolveAudience(of: campaign) }
            handled += try await sendBatch(of: campaign)
        }
        return handled
    }

    /// Puts every member of the campaign's segments in its send log, decided once: queued,
    /// held out or skipped with the reason. Starting again (after a crash) skips those already in.
    @discardableResult
    public func resolveAudience(of campaign: Campaign) async throws -> Int {
        let definition = campaign.definition
        let channel = campaign.channel.inboxChannel.consentChannel
        var cursor: String?
        var added = 0
        repeat {
            let now = clock.now()
            // The longest window any cap looks back over: the campaign's, or a monthly choice.
            let since = now.addingTimeInterval(-Double(max(definition.frequencyCap.days, 30)) * 86_400)
            let after = cursor
            let (page, last) = try await context.store.read { session in
                try await session.campaigns.audienceFacts(campaign, after: after, limit: Self.audiencePage, sentSince: since)
            }
            cursor = last
            let addresses = page.compactMap(\.address)
            let suppressed = try await context.store.read { session in
                guard let channel else { return [String: [SuppressionReason]]() }
                return try await session.suppressions.reasons(channel: channel, addresses: addresses, workspaceID: campaign.workspaceID)
            }
            let sends = page.map { facts in
                let decision = CampaignRecipientRule.decide(
                    facts, channel: campaign.channel, suppressed: facts.address.flatMap { suppressed[$0] } ?? [], cap: definition.frequencyCap,
                    holdoutShare: definition.holdoutShare, campaignID: campaign.id, now: now)
                let (status, reason): (CampaignSendStatus, CampaignSkipReason?) = switch decision {
                case .send: (.queued, nil)
                case .holdOut: (.heldOut, nil)
                case .skip(let reason): (.skipped, reason)
                }
                return CampaignSend(
                    id: ResourceID.make(.campaignSend, at: now), campaignID: campaign.id, workspaceID: campaign.workspaceID, customerID: facts.customerID,
                    status: status, skipReason: reason, address: facts.address, queuedAt: now)
            }
            if !sends.isEmpty { added += try await context.write { transaction in try await transaction.session.campaigns.insertSends(sends) } }
        } while cursor != nil
        let now = clock.now()
        try await context.write { transaction in try await transaction.session.campaigns.markAudienceResolved(id: campaign.id, at: now) }
        return added
    }

    /// Claims, renders, delivers and records one batch; marks the campaign sent when none is left.
    public func sendBatch(of campaign: Campaign) async throws -> Int {
        let started = clock.now()
        let claims = try await context.write { transaction in
            try await transaction.session.campaigns.claim(
                campaignID: campaign.id, limit: batchSize, now: started, until: started.addingTimeInterval(claimLifetime))
        }
        guard !claims.isEmpty else {
            let resolved = campaign.audienceResolvedAt != nil ? true : try await isResolved(campaign)
            if resolved {
                _ = try await context.write { transaction in try await transaction.session.campaigns.finishIfDone(id: campaign.id, at: clock.now()) }
            }
            return 0
        }
        guard let inbox = try await context.store.read({ session in try await session.inboxes.inbox(id: campaign.inboxID) }) else {
            let records = claims.map { CampaignSendRecord(sendID: $0.sendID, outcome: .refused("The campaign's inbox no longer exists.")) }
            try await record(records)
            return records.count
        }
        let emails = claims.map { email(for: $0, of: campaign, inbox: inbox, at: started) }
        let outcomes = await transport.deliver(emails, through: inbox, at: started)
        try await record(zip(claims, outcomes).map { CampaignSendRecord(sendID: $0.sendID, outcome: $1) })
        try await throttle(campaign, sent: claims.count, since: started)
        return claims.count
    }

    private func isResolved(_ campaign: Campaign) async throws -> Bool {
        try await context.store.read { session in
            try await session.campaigns.find(id: campaign.id, workspaceID: campaign.workspaceID)?.audienceResolvedAt != nil
        }
    }

    private func record(_ records: [CampaignSendRecord]) async throws {
        let now = clock.now()
        try await context.write { transaction in
            try await transaction.session.campaigns.record(records, at: now, retryAt: now.addingTimeInterval(Self.retryDelay))
        }
    }

    /// Keeps to the campaign's messages a second, if it has one.
    private func throttle(_ campaign: Campaign, sent: Int, since started: Date) async throws {
        guard let rate = campaign.definition.messagesPerSecond, rate > 0 else { return }
        let wanted = Double(sent) / Double(rate)
        let spent = clock.now().timeIntervalSince(started)
        if spent < wanted { try await Task.sleep(for: .milliseconds(Int((wanted - spent) * 1000))) }
    }

    /// The recipient's e-mail: their locale's content, their variables, their signed links.
    func email(for claim: CampaignSendClaim, of campaign: Campaign, inbox: Inbox, at now: Date) -> CampaignEmail {
        let unsubscribe = PreferenceToken(
            scope: .unsubscribe, workspaceID: campaign.workspaceID, subjectID: claim.customerID, expiresAt: now + PreferenceService.unsubscribeLifetime
        ).text(signedBy: signer)
        let preferences = PreferenceToken(
            scope: .preferences, workspaceID: campaign.workspaceID, subjectID: claim.customerID, expiresAt: now + PreferenceService.preferencesLifetime
        ).text(signedBy: signer)
        let (locale, content) = CampaignEmailRenderer.content(for: claim.locale, in: campaign.definition)
        let unsubscribeURL = links.unsubscribeURL(token: unsubscribe)
        let rendered = CampaignEmailRenderer.render(
            content, locale: locale, values: CampaignEmailRenderer.values(for: claim), sender: inbox[.displayName] ?? inbox.name,
            unsubscribeURL: unsubscribeURL, preferencesURL: links.preferencesURL(token: preferences))
        let mailto = inbox[.address].map {
            "mailto:\($0)?subject=" + PreferenceService.unsubscribeSubjectPrefix.replacingOccurrences(of: " ", with: "%20") + unsubscribe
        }
        return CampaignEmail(
            sendID: claim.sendID, campaignID: campaign.id, workspaceID: campaign.workspaceID, address: claim.address,
            name: CampaignEmailRenderer.values(for: claim)["customer.name"], subject: rendered.subject,
            preheader: rendered.preheader, html: rendered.html, text: rendered.text, unsubscribeURL: unsubscribeURL, unsubscribeMailto: mailto)
    }
}
