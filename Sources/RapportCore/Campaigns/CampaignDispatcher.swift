import Foundation

/// The campaign sender: starts scheduled campaigns when their time comes, resolves a sending
/// campaign's audience into its send log (`CampaignRecipientRule` for each member), then claims
/// its queued sends a batch at a time, checks each recipient again, renders, hands the batch to
/// the transport and records what became of each. Any number of senders (processes) may share
/// a store: one at a time resolves an audience (a lease, going on from where a dead one
/// stopped), and a claim holds a batch under its own token for `claimLifetime`
/// (`RAPPORT_CAMPAIGN_CLAIM_SECONDS`); a batch a dead sender held is claimed again after that.
///
/// The in-flight window: a sender records a batch's outcomes after the batch; killed between
/// the server taking a message and that record, at most `batchSize` messages per sender can go
/// out a second time when the batch is claimed again. A live sender's batch is never taken
/// from it: the transport gives up at half the claim's lifetime (counted from the claim), and
/// only the claim's token may record. Nothing else is ever sent twice: the log has one row per campaign and customer,
/// and a recorded send is never claimed again.
public struct CampaignDispatcher: Sendable {
    public static let defaultBatchSize = 25
    /// Members resolved per write by default: on SQLite a stretch holds the one writer for
    /// about a quarter of a second.
    public static let defaultAudienceStretch = 20_000
    /// How long a claim holds a batch by default; a sender's batch takes far less.
    public static let defaultClaimLifetime: TimeInterval = 120
    /// When a deferred send is tried again.
    public static let retryDelay: TimeInterval = 60
    /// Deferred this often, a send fails for good.
    public static let maximumAttempts = 5
    /// The unsubscribe subject's words, as the `mailto:` link of `List-Unsubscribe` carries them.
    static let unsubscribeSubjectInURL = PreferenceService.unsubscribeSubjectPrefix.replacingOccurrences(of: " ", with: "%20")

    let campaigns: CampaignService
    let transport: any CampaignEmailTransport
    /// SMS and WhatsApp; nil: such campaigns pause, saying no provider is wired.
    let textTransport: (any CampaignTextTransport)?
    let signer: any LinkSigner
    let links: any CampaignLinks
    let batchSize: Int
    /// Members resolved per write.
    let audienceStretch: Int
    /// How long a claim holds a batch: after a sender dies, its batch waits this long.
    let claimLifetime: TimeInterval
    /// The inboxes whose provider asked for fewer messages, and until when each waits.
    let backoff = CampaignThrottleBackoff()
    var context: CoreContext { campaigns.context }
    var clock: any WallClock { campaigns.clock }

    public init(
        campaigns: CampaignService, transport: any CampaignEmailTransport, textTransport: (any CampaignTextTransport)? = nil, signer: any LinkSigner,
        links: any CampaignLinks, batchSize: Int = CampaignDispatcher.defaultBatchSize,
        claimLifetime: TimeInterval = CampaignDispatcher.defaultClaimLifetime, audienceStretch: Int = CampaignDispatcher.defaultAudienceStretch
    ) {
        self.campaigns = campaigns
        self.transport = transport
        self.textTransport = textTransport
        self.signer = signer
        self.links = links
        self.batchSize = max(1, batchSize)
        self.claimLifetime = max(1, claimLifetime)
        self.audienceStretch = max(1, audienceStretch)
    }

    /// One round: due campaigns started, audiences resolved, one batch of each sending
    /// campaign sent. Answers how many sends it handled (resolved or delivered). A campaign
    /// that fails does not hold up the others; the first failure is thrown after the round.
    public func runDue() async throws -> Int {
        let now = clock.now()
        let due = try await context.store.read { session in try await session.campaigns.due(at: now, limit: 20) }
        for campaign in due {
            try await context.write { transaction in
                if try await transaction.session.campaigns.setStatus(
                    .sending, id: campaign.id, workspaceID: campaign.workspaceID, whileIn: [.scheduled], at: now, reason: nil)
                {
                    try await transaction.audit(
                        AuditRecord(.campaignSent, subject: .campaign(campaign.id), details: ["from": "scheduled"]),
                        by: .system("campaign-sender", workspaceID: campaign.workspaceID))
                }
            }
        }
        var handled = 0
        var failure: (any Error)?
        for campaign in try await context.store.read({ session in try await session.campaigns.sending(at: now, limit: 20) }) {
            do {
                if let problem = links.problem {
                    try await pause(campaign, reason: problem)
                    continue
                }
                if campaign.audienceResolvedAt == nil { handled += try await resolveAudience(of: campaign) }
                if campaign.definition.experiment != nil { try await advanceExperiment(of: campaign) }
                if backoff.isWaiting(campaign.inboxID, at: clock.now()) { continue }
                handled += try await sendBatch(of: campaign)
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return handled
    }

    /// Puts every member of the campaign's segments in its send log, decided once: queued,
    /// held out or skipped with the reason. A stretch of `audienceStretch` members at a time,
    /// each in one write (`CampaignRepository.resolveAudience`, set-based: the rule is asked
    /// once per group of members alike in its facts). One sender at a time (a lease);
    /// starting again after a crash goes on from the last stretch saved.
    @discardableResult
    public func resolveAudience(of campaign: Campaign) async throws -> Int {
        let lifetime = claimLifetime
        let started = clock.now()
        guard let lease = try await context.write({ transaction in
            try await transaction.session.campaigns.leaseAudience(id: campaign.id, now: started, until: started.addingTimeInterval(lifetime))
        }) else { return 0 }
        let storeZone = Self.storeTimeZone(of: try await context.store.read { session in try await session.inboxes.inbox(id: campaign.inboxID) })
        let suppressions: any SuppressionLookup = try await context.store.read { session in
            guard let channel = campaign.channel.inboxChannel.consentChannel else { return NoSuppressions() }
            return try await session.suppressions.lookup(channel: channel, workspaceID: campaign.workspaceID)
        }
        var cursor = lease.cursor
        var added = 0
        repeat {
            let now = clock.now()
            let plan = CampaignAudiencePlan(campaign: campaign, now: now, storeTimeZone: storeZone)
            let after = cursor
            let stretch = try await context.write { transaction in
                let stretch = try await transaction.session.campaigns.resolveAudience(plan, after: after, limit: audienceStretch, suppressions: suppressions)
                if let last = stretch.last {
                    try await transaction.session.campaigns.advanceAudience(id: campaign.id, cursor: last, until: now.addingTimeInterval(lifetime))
                }
                return stretch
            }
            added += stretch.added
            cursor = stretch.last
        } while cursor != nil
        let now = clock.now()
        try await context.write { transaction in try await transaction.session.campaigns.markAudienceResolved(id: campaign.id, at: now) }
        return added
    }

    /// Claims one batch, checks each recipient again, renders, delivers and records it; marks
    /// the campaign sent when none is left. A batch that could not be handed over at all (the
    /// inbox's server refuses the account, cannot be reached) pauses the campaign with the
    /// reason, so that it does not cycle through its whole audience meanwhile. A batch the
    /// provider throttled (429) does not: its throttled sends go back to the queue, no attempt
    /// counted, and campaigns through the inbox slow down as `CampaignThrottleBackoff` says
    /// (`runDue` skips them while they wait; this sends when called); throttled without a
    /// break for `CampaignThrottleBackoff.givingUp`, the campaign pauses with the provider's words.
    public func sendBatch(of campaign: Campaign) async throws -> Int {
        let started = clock.now()
        let token = UUID().uuidString
        let limit = min(batchSize, campaign.definition.messagesPerSecond ?? batchSize)
        let claims = try await context.write { transaction in
            try await transaction.session.campaigns.claim(
                campaignID: campaign.id, limit: limit, now: started, until: started.addingTimeInterval(claimLifetime), token: token)
        }
        guard !claims.isEmpty else {
            _ = try await context.write { transaction in try await transaction.session.campaigns.finishIfDone(id: campaign.id, at: clock.now()) }
            return 0
        }
        guard let inbox = try await context.store.read({ session in try await session.inboxes.inbox(id: campaign.inboxID) }) else {
            try await record(claims.map { CampaignSendRecord(sendID: $0.sendID, outcome: .refused("The campaign's inbox no longer exists.")) }, token: token)
            return claims.count
        }
        let (cleared, untracked) = try await recheck(claims, of: campaign, inbox: inbox, token: token, now: started)
        guard !cleared.isEmpty else { return claims.count }
        let personalisation: CampaignPersonalisation
        do {
            personalisation = try await self.personalisation(for: cleared, of: campaign)
        } catch {
            try await record(cleared.map { CampaignSendRecord(sendID: $0.sendID, outcome: .deferred("Its personalisation could not be read: \(error)")) }, token: token)
            throw error
        }
        // The hand-over ends at half the claim's lifetime counted from the claim, whatever the
        // preparation took, so the claim never runs out while the batch is going out.
        let left = claimLifetime / 2 - clock.now().timeIntervalSince(started)
        guard left >= min(1, claimLifetime / 4) else {
            try await record(cleared.map { CampaignSendRecord(sendID: $0.sendID, outcome: .deferred("Preparing the batch took too long.")) }, token: token)
            return claims.count
        }
        let outcomes: [CampaignDeliveryOutcome]
        switch campaign.channel {
        case .email:
            let emails = emails(for: cleared, of: campaign, inbox: inbox, at: started, untracked: untracked, personalisation: personalisation)
            outcomes = await transport.deliver(emails, through: inbox, at: started, deadline: .seconds(left))
        case .sms, .whatsapp:
            guard let textTransport else {
                try await record(cleared.map { CampaignSendRecord(sendID: $0.sendID, outcome: .deferred("No \(campaign.channel.label) provider is set up.")) }, token: token)
                try await pause(campaign, reason: "This server sends no \(campaign.channel.label) campaigns: no provider is set up for them.")
                return claims.count
            }
            outcomes = await textTransport.deliver(
                texts(for: cleared, of: campaign, personalisation: personalisation, tracksClicks: inbox[.trackClicks] != "off", untracked: untracked),
                through: inbox, deadline: .seconds(left))
        }
        let throttleReasons = outcomes.compactMap(\.throttleReason)
        let resumeAt = backoff.note(throttled: throttleReasons.count, of: outcomes.count, inboxID: inbox.id, at: clock.now())
        try await record(
            zip(cleared, outcomes).map { CampaignSendRecord(sendID: $0.sendID, outcome: $1) }, token: token, resumeAt: resumeAt,
            earlyReportsOf: campaign.channel == .email ? nil : inbox.id)
        if let reason = throttleReasons.first, backoff.givesUp(inbox.id, at: clock.now()) {
            let minutes = Int(CampaignThrottleBackoff.givingUp / 60)
            try await pause(campaign, reason: "The inbox's provider has asked for fewer messages for \(minutes) minutes without a break: \(reason)")
        }
        if case .deferred(let reason)? = outcomes.first, outcomes.allSatisfy({ if case .deferred = $0 { true } else { false } }) {
            let provider = campaign.channel == .email ? "mail server" : "\(campaign.channel.label) provider"
            try await pause(campaign, reason: "The inbox's \(provider) took none of a batch: \(reason)")
        }
        try await throttle(campaign, sent: cleared.count, since: started)
        return claims.count
    }

    /// The consent gate and the suppression list asked again for a claimed batch: a customer
    /// who unsubscribed, bounced, complained, paused or was deleted since the audience was
    /// resolved is withheld. Quiet hours are asked again too (a retry, or a campaign resumed,
    /// may come at night): such a message goes back to the queue until their morning. Answers
    /// the claims still to send, and the customers among them whose messages must not be tracked.
    private func recheck(_ claims: [CampaignSendClaim], of campaign: Campaign, inbox: Inbox, token: String, now: Date) async throws
        -> (cleared: [CampaignSendClaim], untracked: Set<String>)
    {
        let facts = try await context.store.read { session in
            try await session.campaigns.recipientFacts(
                campaign, customerIDs: claims.map(\.customerID), sentSince: Self.capWindowStart(campaign.definition, now: now))
        }
        let byCustomer = Dictionary(facts.map { ($0.customerID, $0) }, uniquingKeysWith: { first, _ in first })
        let suppressed = try await suppressions(of: facts, channel: campaign.channel.inboxChannel.consentChannel, workspaceID: campaign.workspaceID)
        var withheld: [String: CampaignSkipReason] = [:]
        for claim in claims {
            guard let current = byCustomer[claim.customerID] else {
                withheld[claim.sendID] = .gone
                continue
            }
            let held = current.address.flatMap { suppressed[$0] } ?? []
            if let reason = CampaignRecipientRule.reasonToWithhold(
                current, channel: campaign.channel, suppressed: held, now: now, purpose: campaign.consentPurpose) {
                withheld[claim.sendID] = reason
            }
        }
        if !withheld.isEmpty {
            let reasons = withheld
            try await context.write { transaction in try await transaction.session.campaigns.withhold(reasons, token: token) }
        }
        var later: [String: Date] = [:]
        if campaign.definition.keepsQuietHours(on: campaign.channel) {
            let quiet = CampaignDeliveryTiming(schedule: nil, quietHours: .standard)
            let storeZone = Self.storeTimeZone(of: inbox)
            for claim in claims where withheld[claim.sendID] == nil {
                if let current = byCustomer[claim.customerID], let time = quiet.notBefore(current.recipientTimeZone(storeDefault: storeZone), now: now) {
                    later[claim.sendID] = time
                }
            }
        }
        if !later.isEmpty {
            let times = later
            try await context.write { transaction in try await transaction.session.campaigns.postpone(times, token: token) }
        }
        return (
            claims.filter { withheld[$0.sendID] == nil && later[$0.sendID] == nil },
            Set(facts.filter { !$0.allowsTracking }.map(\.customerID))
        )
    }

    private func suppressions(of facts: [CampaignRecipientFacts], channel: ConsentChannel?, workspaceID: String) async throws -> [String: [SuppressionReason]] {
        let addresses = facts.compactMap(\.address)
        guard let channel, !addresses.isEmpty else { return [:] }
        return try await context.store.read { session in
            try await session.suppressions.reasons(channel: channel, addresses: addresses, workspaceID: workspaceID)
        }
    }

    /// The longest window any cap looks back over: the campaign's, or a monthly choice.
    static func capWindowStart(_ definition: CampaignDefinition, now: Date) -> Date {
        now.addingTimeInterval(-Double(max(definition.frequencyCap.days, 30)) * 86_400)
    }

    /// Writes a batch's outcomes: a deferred send is tried again after `retryDelay`, a
    /// throttled one at `resumeAt` (when the inbox's wait ends). With `earlyReportsOf`, the
    /// inbox's reports on the messages that went which came before this record
    /// (`CampaignEarlyReport`) are applied to their sends in the same write.
    private func record(_ records: [CampaignSendRecord], token: String, resumeAt: Date? = nil, earlyReportsOf inboxID: String? = nil) async throws {
        let now = clock.now()
        try await context.write { transaction in
            let campaigns = transaction.session.campaigns
            let marked = try await campaigns.record(
                records, token: token, at: now, retryAt: now.addingTimeInterval(Self.retryDelay), resumeAt: resumeAt ?? now,
                maximumAttempts: Self.maximumAttempts)
            guard let inboxID, !marked.isEmpty else { return }
            // Only the sends this record marked: one another sender claimed meanwhile is its own.
            var sendIDs: [String: String] = [:]
            for record in records where marked.contains(record.sendID) {
                if case .sent(let messageID) = record.outcome { sendIDs[messageID.lowercased()] = record.sendID }
            }
            for report in try await campaigns.takeEarlyReports(inboxID: inboxID, providerMessageIDs: Array(sendIDs.keys)) {
                guard let sendID = sendIDs[report.providerMessageID] else { continue }
                // A report held without a time of its own is not dated before the send.
                try await campaigns.recordFeedback(report.kind, sendID: sendID, at: max(report.occurredAt, now))
            }
        }
    }

    /// Pauses a sending campaign the sender cannot go on with, saying why (audited). A journey
    /// step's campaign pauses its journey with it (`JourneyService.pauseForSender`): its
    /// managers see the journey paused and why, and resuming it resumes its messages.
    func pause(_ campaign: Campaign, reason: String) async throws {
        let now = clock.now()
        try await context.write { transaction in
            let sender = Actor.system("campaign-sender", workspaceID: campaign.workspaceID)
            // The journey's row before the campaign's, as a manager's pause takes them.
            if let step = campaign.journeyStep {
                try await JourneyService.pauseForSender(journeyID: step.journeyID, workspaceID: campaign.workspaceID, reason: reason, at: now, by: sender, transaction: transaction)
            }
            // Paused with the journey or on its own, it keeps the reason.
            guard try await transaction.session.campaigns.setStatus(
                .paused, id: campaign.id, workspaceID: campaign.workspaceID, whileIn: campaign.journeyStep == nil ? [.sending] : [.sending, .paused], at: now,
                reason: reason)
            else { return }
            try await transaction.audit(
                AuditRecord(.campaignPaused, subject: .campaign(campaign.id), details: ["from": "sending", "reason": String(reason.prefix(300))]),
                by: sender)
        }
    }

    /// Keeps to the campaign's messages a second (per sender process): a batch is at most a
    /// second's worth, and the sender waits out the rest of that second.
    private func throttle(_ campaign: Campaign, sent: Int, since started: Date) async throws {
        guard let rate = campaign.definition.messagesPerSecond, rate > 0 else { return }
        let wanted = Double(sent) / Double(rate)
        let spent = clock.now().timeIntervalSince(started)
        if spent < wanted { try await Task.sleep(for: .milliseconds(Int((wanted - spent) * 1000))) }
    }

    /// The recipients' e-mails: each their locale's content (prepared once per locale), their
    /// variables (the profile's, and `personalisation`'s), their products, their signed links;
    /// tracked as the inbox says, except for the `untracked` customers.
    public func emails(
        for claims: [CampaignSendClaim], of campaign: Campaign, inbox: Inbox, at now: Date, untracked: Set<String> = [],
        personalisation: CampaignPersonalisation = .none
    ) -> [CampaignEmail] {
        let sender = inbox[.displayName] ?? inbox.name
        let tracksClicks = inbox[.trackClicks] != "off"
        let tracksOpens = inbox[.trackOpens] != "off"
        var templates: [String: CampaignEmailTemplate] = [:]
        let mailbox = inbox[.address]
        return claims.map { claim in
            let unsubscribe = PreferenceToken(
                scope: .unsubscribe, workspaceID: campaign.workspaceID, subjectID: claim.customerID, expiresAt: now + PreferenceService.unsubscribeLifetime
            ).text(signedBy: signer)
            let preferences = PreferenceToken(
                scope: .preferences, workspaceID: campaign.workspaceID, subjectID: claim.customerID, expiresAt: now + PreferenceService.preferencesLifetime
            ).text(signedBy: signer)
            let (locale, base) = CampaignEmailRenderer.content(for: claim.locale, in: campaign.definition)
            // A test message has its variant; after the test, everyone else gets the winner.
            let variant = claim.variant ?? campaign.winnerVariant
            let content = campaign.definition.experiment?.content(base, variant: variant, locale: locale) ?? base
            let key = locale + "\u{0}" + (variant ?? "")
            let template = templates[key] ?? CampaignEmailTemplate(content, locale: locale, sender: sender)
            templates[key] = template
            let unsubscribeURL = links.unsubscribeURL(token: unsubscribe, sendID: claim.sendID)
            let values = personalisation.values(for: claim, base: CampaignEmailRenderer.values(for: claim))
            let tracked = !untracked.contains(claim.customerID)
            let tracking = CampaignTracking(
                sendID: claim.sendID, clicks: tracked && tracksClicks, opens: tracked && tracksOpens, signer: signer, links: links)
            let rendered = template.render(
                values: values, unsubscribeURL: unsubscribeURL, preferencesURL: links.preferencesURL(token: preferences), tracking: tracking,
                products: personalisation.products(for: claim.customerID))
            let mailto = mailbox.map {
                "mailto:\($0)?subject=" + Self.unsubscribeSubjectInURL + unsubscribe
            }
            return CampaignEmail(
                sendID: claim.sendID, campaignID: campaign.id, workspaceID: campaign.workspaceID, address: claim.address, name: values["customer.name"],
                subject: rendered.subject, preheader: rendered.preheader, html: rendered.html, text: rendered.text, unsubscribeURL: unsubscribeURL,
                unsubscribeMailto: mailto)
        }
    }
}
