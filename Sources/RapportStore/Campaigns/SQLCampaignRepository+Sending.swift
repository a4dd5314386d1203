import Foundation
import RapportCore
import SQLKit

extension SQLCampaignRepository {
    func setStatus(
        _ status: CampaignStatus, id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>, at date: Date, reason: String?
    ) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        var query: SQLQueryString = """
            UPDATE campaigns SET status = \(bind: status.rawValue), updated_at = \(bind: now), status_reason = \(bind: reason.map { String($0.prefix(500)) })
            """
        if status == .sending { query += ", started_at = COALESCE(started_at, \(bind: now))" }
        if status == .sent || status == .cancelled { query += ", finished_at = \(bind: now)" }
        query += """
             WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) AND status IN (\(binds: statuses.map(\.rawValue).sorted())) RETURNING id
            """
        return !(try await handle.sql.raw(query).all().isEmpty)
    }

    func sending(at date: Date, limit: Int) async throws -> [Campaign] {
        // Left out: campaigns whose every pending send waits for a later time (a local time,
        // the end of quiet hours, a retry) or is held by a live sender, so that they do not
        // take the places of campaigns with work to do. Each test is a range of the
        // `campaign_sends_due` index.
        let now = Timestamp.microseconds(date)
        let (queued, sending, waiting) = (CampaignSendStatus.queued.rawValue, CampaignSendStatus.sending.rawValue, CampaignSendStatus.waiting.rawValue)
        // A journey's step campaign with nothing to send waits for its journey's runner, not
        // to be finished: it is left out too.
        return try await handle.sql.raw("""
            SELECT * FROM campaigns c WHERE c.status = \(bind: CampaignStatus.sending.rawValue)
              AND ((c.journey_id IS NULL AND c.audience_resolved_at IS NULL)
                OR EXISTS (SELECT 1 FROM campaign_sends s WHERE s.campaign_id = c.id AND s.status = \(bind: queued) AND s.claimed_until <= \(bind: now))
                OR EXISTS (SELECT 1 FROM campaign_sends s WHERE s.campaign_id = c.id AND s.status = \(bind: sending) AND s.claimed_until <= \(bind: now))
                OR EXISTS (SELECT 1 FROM campaign_sends s WHERE s.campaign_id = c.id AND s.status = \(bind: waiting))
                OR (c.journey_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM campaign_sends s WHERE s.campaign_id = c.id AND s.status IN (\(bind: queued), \(bind: sending)))))
            ORDER BY c.started_at, c.id LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func due(at date: Date, limit: Int) async throws -> [Campaign] {
        try await handle.sql.raw("""
            SELECT * FROM campaigns WHERE status = \(bind: CampaignStatus.scheduled.rawValue) AND scheduled_at <= \(bind: Timestamp.microseconds(date))
            ORDER BY scheduled_at, id LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func recipientFacts(_ campaign: Campaign, customerIDs: [String], sentSince: Date) async throws -> [CampaignRecipientFacts] {
        guard !customerIDs.isEmpty else { return [] }
        let audience = campaign.definition.audience
        // The address is the customer's first identity of the channel's kinds, as the audience
        // resolution reads it. Their first phone number also says where they are when the
        // profile has no time zone.
        let rows = try await handle.sql.raw("""
            SELECT c.id, c.timezone, \(Self.firstIdentity(kinds: campaign.channel.addressKinds, of: "c.id")) AS address,
              \(Self.firstIdentity(kinds: [.phone], of: "c.id")) AS phone
            FROM customers c WHERE c.id IN (\(binds: customerIDs)) AND c.workspace_id = \(bind: campaign.workspaceID)
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL ORDER BY c.id
            """).all()
        let liveIDs = try rows.map { try $0.string("id") }
        guard !liveIDs.isEmpty else { return [] }
        var excluded = Set<String>()
        if !audience.exclusionSegmentIDs.isEmpty {
            excluded = Set(try await handle.sql.raw("""
                SELECT DISTINCT customer_id FROM segment_members WHERE segment_id IN (\(binds: audience.exclusionSegmentIDs)) AND customer_id IN (\(binds: liveIDs))
                """).all().map { try $0.string("customer_id") })
        }
        var consents: [String: ConsentEntry] = [:]
        var analytics: [String: ConsentEntry] = [:]
        if let channel = campaign.channel.inboxChannel.consentChannel {
            let consentRepository = SQLConsentRepository(handle: handle)
            let entries = try await handle.sql.raw("""
                SELECT * FROM consent_entries WHERE customer_id IN (\(binds: liveIDs))
                  AND ((purpose = \(bind: ConsentPurpose.marketing.rawValue) AND channel = \(bind: channel.rawValue))
                    OR (purpose = \(bind: ConsentPurpose.analytics.rawValue) AND channel IN (\(binds: [channel.rawValue, ConsentChannel.web.rawValue]))))
                """).all().compactMap(consentRepository.decode)
            for (customerID, states) in Dictionary(grouping: entries, by: \.customerID).mapValues(ConsentState.states) {
                consents[customerID] = states.first { $0.purpose == .marketing }?.current
                // Analytics refused on the channel or on the shop's site (its consent banner) holds.
                let analyticsStates = states.filter { $0.purpose == .analytics }.map(\.current)
                analytics[customerID] = analyticsStates.first { $0.status != .granted } ?? analyticsStates.first
            }
        }
        var preferences: [String: ContactPreferences] = [:]
        for row in try await handle.sql.raw("SELECT * FROM contact_preferences WHERE customer_id IN (\(binds: liveIDs))").all() {
            let id = try row.string("customer_id")
            preferences[id] = ContactPreferences(
                customerID: id, workspaceID: try row.string("workspace_id"), frequency: ContactFrequency(rawValue: try row.string("frequency")) ?? .any,
                pausedUntil: try row.optionalDate("paused_until"), updatedAt: try row.date("updated_at"))
        }
        // Other campaigns on this channel that reached them, or are about to (queued or held by
        // a sender), within the window: two campaigns resolved together still keep to the cap.
        // A journey step's campaign counts its own earlier messages too (a customer may hear
        // it on each entry). A journey's service messages (an order's thank-you) are not
        // counted: the cap is on marketing.
        var sends: [String: [Date]] = [:]
        let others: SQLQueryString = campaign.journeyStep == nil ? "AND s.campaign_id <> \(bind: campaign.id)" : ""
        let counted = [CampaignSendStatus.queued, .waiting, .sending, .sent, .delivered, .bounced].map(\.rawValue)
        for row in try await handle.sql.raw("""
            SELECT s.customer_id, COALESCE(s.sent_at, s.queued_at) AS at FROM campaign_sends s JOIN campaigns k ON k.id = s.campaign_id
            WHERE s.customer_id IN (\(binds: liveIDs)) \(others) AND k.channel = \(bind: campaign.channel.rawValue) AND k.marketing <> 0
              AND s.status IN (\(binds: counted)) AND COALESCE(s.sent_at, s.queued_at) > \(bind: Timestamp.microseconds(sentSince))
            """).all() {
            sends[try row.string("customer_id"), default: []].append(try row.date("at"))
        }
        return try rows.map { row in
            let id = try row.string("id")
            return CampaignRecipientFacts(
                customerID: id, excluded: excluded.contains(id), address: try row.optionalString("address"), marketingConsent: consents[id],
                preferences: preferences[id], recentSends: sends[id] ?? [], analyticsConsent: analytics[id],
                timeZone: try row.optionalString("timezone"), phone: try row.optionalString("phone"))
        }
    }

    func leaseAudience(id: String, now: Date, until: Date) async throws -> AudienceLease? {
        let now = Timestamp.microseconds(now)
        return try await handle.sql.raw("""
            UPDATE campaigns SET resolving_until = \(bind: Timestamp.microseconds(until))
            WHERE id = \(bind: id) AND audience_resolved_at IS NULL AND (resolving_until IS NULL OR resolving_until <= \(bind: now))
            RETURNING audience_cursor
            """).first().map { AudienceLease(cursor: try $0.optionalString("audience_cursor")) }
    }

    func advanceAudience(id: String, cursor: String, until: Date) async throws {
        try await handle.sql.raw("""
            UPDATE campaigns SET audience_cursor = \(bind: cursor), resolving_until = \(bind: Timestamp.microseconds(until)) WHERE id = \(bind: id)
            """).run()
    }

    func markAudienceResolved(id: String, at date: Date) async throws {
        try await handle.sql.raw("""
            UPDATE campaigns SET audience_resolved_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: id) AND audience_resolved_at IS NULL
            """).run()
    }

    func claim(campaignID: String, limit: Int, now: Date, until: Date, token: String) async throws -> [CampaignSendClaim] {
        let (now, until) = (Timestamp.microseconds(now), Timestamp.microseconds(until))
        // Queued sends whose time has come (their local time, the end of their quiet hours, a
        // retry's time: `claimed_until`) first, then batches a dead sender held; each in the
        // order of the `campaign_sends_due` index. Only while the campaign is sending (a pause
        // lands between batches). The condition is repeated outside, so a row another sender
        // took meanwhile is not taken twice; on PostgreSQL, rows another sender is taking are
        // skipped, not waited for.
        var claimed: [any SQLRow] = []
        for status in [CampaignSendStatus.queued, .sending] where claimed.count < limit {
            let free: SQLQueryString = "(claimed_until <= \(bind: now))"
            let lock = handle.inTransaction ? handle.dialect.skipLockedRows : ""
            let query: SQLQueryString = """
                UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.sending.rawValue), claimed_until = \(bind: until), claim_token = \(bind: token)
                WHERE id IN (SELECT id FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND status = \(bind: status.rawValue) AND \(free)
                    ORDER BY claimed_until, id LIMIT \(unsafeRaw: String(limit - claimed.count))\(unsafeRaw: lock))
                  AND status = \(bind: status.rawValue) AND \(free)
                  AND EXISTS (SELECT 1 FROM campaigns WHERE id = \(bind: campaignID) AND status = \(bind: CampaignStatus.sending.rawValue))
                RETURNING id, customer_id, address, variant, occurrence
                """
            claimed += try await handle.sql.raw(query).all()
        }
        guard !claimed.isEmpty else { return [] }
        let customerIDs = try claimed.map { try $0.string("customer_id") }
        var profiles: [String: any SQLRow] = [:]
        for row in try await handle.sql.raw("SELECT id, first_name, last_name, locale FROM customers WHERE id IN (\(binds: customerIDs))").all() {
            profiles[try row.string("id")] = row
        }
        return try claimed.map { row in
            let customerID = try row.string("customer_id")
            let profile = profiles[customerID]
            return CampaignSendClaim(
                sendID: try row.string("id"), customerID: customerID, address: try row.optionalString("address") ?? "",
                variant: try row.optionalString("variant"), firstName: try profile?.optionalString("first_name"),
                lastName: try profile?.optionalString("last_name"), locale: try profile?.optionalString("locale"),
                occurrence: try row.optionalString("occurrence") ?? "")
        }
        .sorted { $0.sendID < $1.sendID }
    }

    func record(_ records: [CampaignSendRecord], token: String, at date: Date, retryAt: Date, resumeAt: Date, maximumAttempts: Int) async throws
        -> Set<String>
    {
        let now = Timestamp.microseconds(date)
        // The messages that went (nearly all of a batch) in one statement, each with its id.
        let sent = records.compactMap { record -> (sendID: String, messageID: String)? in
            if case .sent(let messageID) = record.outcome { (record.sendID, messageID.lowercased()) } else { nil }
        }
        var marked = Set<String>()
        if !sent.isEmpty {
            var messageIDs: SQLQueryString = "CASE id"
            for entry in sent { messageIDs += " WHEN \(bind: entry.sendID) THEN \(bind: entry.messageID)" }
            messageIDs += " END"
            for row in try await handle.sql.raw("""
                UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.sent.rawValue), sent_at = \(bind: now), provider_message_id = \(messageIDs),
                  error = NULL, claim_token = NULL
                WHERE id IN (\(binds: sent.map(\.sendID))) AND claim_token = \(bind: token) AND status = \(bind: CampaignSendStatus.sending.rawValue)
                RETURNING id
                """).all() {
                marked.insert(try row.string("id"))
            }
        }
        for record in records {
            let set: SQLQueryString
            switch record.outcome {
            case .sent:
                continue
            case .refused(let reason):
                set = "status = \(bind: CampaignSendStatus.failed.rawValue), error = \(bind: String(reason.prefix(500)))"
            case .deferred(let reason):
                set = """
                    status = CASE WHEN attempts + 1 >= \(bind: maximumAttempts) THEN \(bind: CampaignSendStatus.failed.rawValue) ELSE \(bind: CampaignSendStatus.queued.rawValue) END,
                      attempts = attempts + 1, error = \(bind: String(reason.prefix(500))), claimed_until = \(bind: Timestamp.microseconds(retryAt))
                    """
            case .throttled(let reason):
                set = """
                    status = \(bind: CampaignSendStatus.queued.rawValue), error = \(bind: String(reason.prefix(500))),
                      claimed_until = \(bind: Timestamp.microseconds(resumeAt))
                    """
            }
            try await handle.sql.raw("""
                UPDATE campaign_sends SET \(set), claim_token = NULL WHERE id = \(bind: record.sendID) AND claim_token = \(bind: token)
                  AND status = \(bind: CampaignSendStatus.sending.rawValue)
                """).run()
        }
        return marked
    }

    func lockEarlyReports(inboxID: String) async throws {
        try await handle.dialect.lock("campaign_early_reports:\(inboxID)", on: handle)
    }

    func hasBatchInFlight(inboxID: String) async throws -> Bool {
        try await handle.sql.raw("""
            SELECT 1 AS found FROM campaigns c JOIN campaign_sends s ON s.campaign_id = c.id
            WHERE c.inbox_id = \(bind: inboxID) AND s.status = \(bind: CampaignSendStatus.sending.rawValue) LIMIT 1
            """).first() != nil
    }

    func holdEarlyReport(_ report: CampaignEarlyReport, receivedAt: Date) async throws {
        try await handle.sql.raw("""
            INSERT INTO campaign_early_reports (inbox_id, provider_message_id, kind, occurred_at, received_at)
            VALUES (\(bind: report.inboxID), \(bind: report.providerMessageID.lowercased()), \(bind: report.kind.rawValue),
              \(bind: Timestamp.microseconds(report.occurredAt)), \(bind: Timestamp.microseconds(receivedAt)))
            ON CONFLICT (inbox_id, provider_message_id, kind) DO NOTHING
            """).run()
    }

    func takeEarlyReports(inboxID: String, providerMessageIDs: [String]) async throws -> [CampaignEarlyReport] {
        guard !providerMessageIDs.isEmpty else { return [] }
        try await lockEarlyReports(inboxID: inboxID)
        let ids = providerMessageIDs.map { $0.lowercased() }
        return try await handle.sql.raw("""
            DELETE FROM campaign_early_reports WHERE inbox_id = \(bind: inboxID) AND provider_message_id IN (\(binds: ids))
            RETURNING provider_message_id, kind, occurred_at
            """).all().compactMap { row -> CampaignEarlyReport? in
            guard let kind = DeliveryFeedback.Kind(rawValue: try row.string("kind")) else { return nil }
            return CampaignEarlyReport(
                inboxID: inboxID, providerMessageID: try row.string("provider_message_id"), kind: kind, occurredAt: try row.date("occurred_at"))
        }
    }

    func purgeEarlyReports(receivedBefore date: Date) async throws -> Int {
        try await handle.sql.raw("""
            DELETE FROM campaign_early_reports WHERE received_at < \(bind: Timestamp.microseconds(date)) RETURNING 1 AS purged
            """).all().count
    }

    func withhold(_ reasons: [String: CampaignSkipReason], token: String) async throws {
        for (sendID, reason) in reasons.sorted(by: { $0.key < $1.key }) {
            try await handle.sql.raw("""
                UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.skipped.rawValue), skip_reason = \(bind: reason.rawValue), claim_token = NULL,
                  claimed_until = NULL WHERE id = \(bind: sendID) AND claim_token = \(bind: token)
                """).run()
        }
    }

    func postpone(_ times: [String: Date], token: String) async throws {
        for (sendID, time) in times.sorted(by: { $0.key < $1.key }) {
            try await handle.sql.raw("""
                UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.queued.rawValue), claim_token = NULL,
                  claimed_until = \(bind: Timestamp.microseconds(time)) WHERE id = \(bind: sendID) AND claim_token = \(bind: token)
                  AND status = \(bind: CampaignSendStatus.sending.rawValue)
                """).run()
        }
    }

    func finishIfDone(id: String, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        return !(try await handle.sql.raw("""
            UPDATE campaigns SET status = \(bind: CampaignStatus.sent.rawValue), finished_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = \(bind: CampaignStatus.sending.rawValue) AND audience_resolved_at IS NOT NULL AND journey_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM campaign_sends WHERE campaign_id = \(bind: id)
                AND status IN (\(bind: CampaignSendStatus.queued.rawValue), \(bind: CampaignSendStatus.sending.rawValue), \(bind: CampaignSendStatus.waiting.rawValue)))
            RETURNING id
            """).all().isEmpty)
    }

    func stats(campaignID: String) async throws -> CampaignStats {
        let rows = try await handle.sql.raw("""
            SELECT status, skip_reason, COUNT(*) AS total, COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked,
              COUNT(unsubscribed_at) AS unsubscribed, COUNT(complained_at) AS complained, COUNT(replied_at) AS replied
            FROM campaign_sends WHERE campaign_id = \(bind: campaignID) GROUP BY status, skip_reason
            """).all()
        var stats = CampaignStats()
        for row in rows {
            guard let status = CampaignSendStatus(rawValue: try row.string("status")) else { continue }
            let total = Int(try row.int("total"))
            stats.statuses[status, default: 0] += total
            if let reason = try row.optionalString("skip_reason").flatMap(CampaignSkipReason.init(rawValue:)) { stats.skipped[reason, default: 0] += total }
            stats.opened += Int(try row.int("opened"))
            stats.clicked += Int(try row.int("clicked"))
            stats.unsubscribed += Int(try row.int("unsubscribed"))
            stats.complained += Int(try row.int("complained"))
            stats.replied += Int(try row.int("replied"))
        }
        return stats
    }

    func campaignNames(usingSegment segmentID: String, workspaceID: String) async throws -> [String] {
        // The id's text narrows the rows; reading each definition decides.
        try await handle.sql.raw("""
            SELECT * FROM campaigns WHERE workspace_id = \(bind: workspaceID) AND definition LIKE \(bind: "%\"\(segmentID)\"%") ORDER BY id
            """).all().compactMap(decode).filter { campaign in
            let audience = campaign.definition.audience
            return audience.segmentIDs.contains(segmentID) || audience.exclusionSegmentIDs.contains(segmentID)
        }.map(\.name)
    }

    func send(id: String, workspaceID: String?) async throws -> CampaignSend? {
        let workspace: SQLQueryString = workspaceID.map { "AND workspace_id = \(bind: $0)" } ?? ""
        return try await handle.sql.raw("SELECT * FROM campaign_sends WHERE id = \(bind: id) \(workspace)").first().flatMap(decodeSend)
    }

    func send(providerMessageID: String, workspaceID: String) async throws -> CampaignSend? {
        try await handle.sql.raw("""
            SELECT * FROM campaign_sends WHERE provider_message_id = \(bind: providerMessageID.lowercased()) AND provider_message_id IS NOT NULL AND workspace_id = \(bind: workspaceID)
            """).first().flatMap(decodeSend)
    }

    func sends(providerMessageIDs: [String], customerID: String, inboxID: String) async throws -> [CampaignSend] {
        guard !providerMessageIDs.isEmpty else { return [] }
        return try await handle.sql.raw("""
            SELECT s.* FROM campaign_sends s JOIN campaigns c ON c.id = s.campaign_id
            WHERE s.provider_message_id IN (\(binds: providerMessageIDs.map { $0.lowercased() })) AND s.provider_message_id IS NOT NULL AND s.customer_id = \(bind: customerID)
              AND c.inbox_id = \(bind: inboxID)
            """).all().compactMap(decodeSend)
    }

    func latestSend(customerID: String, inboxID: String, since date: Date) async throws -> CampaignSend? {
        try await handle.sql.raw("""
            SELECT s.* FROM campaign_sends s JOIN campaigns c ON c.id = s.campaign_id
            WHERE s.customer_id = \(bind: customerID) AND c.inbox_id = \(bind: inboxID) AND s.sent_at >= \(bind: Timestamp.microseconds(date))
            ORDER BY s.sent_at DESC, s.id DESC LIMIT 1
            """).first().flatMap(decodeSend)
    }

    func recordReply(sendID: String, at date: Date) async throws {
        try await handle.sql.raw("""
            UPDATE campaign_sends SET replied_at = \(bind: Timestamp.microseconds(date))
            WHERE id = \(bind: sendID) AND sent_at IS NOT NULL AND replied_at IS NULL
            """).run()
    }

    func recordFeedback(_ kind: DeliveryFeedback.Kind, sendID: String, at date: Date) async throws {
        let now = Timestamp.microseconds(date)
        let set: SQLQueryString
        switch kind {
        case .hardBounce: set = "status = \(bind: CampaignSendStatus.bounced.rawValue), bounced_at = COALESCE(bounced_at, \(bind: now))"
        case .complaint: set = "complained_at = COALESCE(complained_at, \(bind: now))"
        case .unsubscribe: set = "unsubscribed_at = COALESCE(unsubscribed_at, \(bind: now))"
        case .delivered:
            // Delivered only from `sent`: a bounce reported first stands.
            set = """
                status = CASE WHEN status = \(bind: CampaignSendStatus.sent.rawValue) THEN \(bind: CampaignSendStatus.delivered.rawValue) ELSE status END,
                  delivered_at = COALESCE(delivered_at, \(bind: now))
                """
        case .softBounce: return
        }
        try await handle.sql.raw("UPDATE campaign_sends SET \(set) WHERE id = \(bind: sendID)").run()
    }
}
