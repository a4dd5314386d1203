import Foundation
import RapportCore
import SQLKit

extension SQLCampaignRepository {
    func setStatus(_ status: CampaignStatus, id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        var query: SQLQueryString = "UPDATE campaigns SET status = \(bind: status.rawValue), updated_at = \(bind: now)"
        if status == .sending { query += ", started_at = COALESCE(started_at, \(bind: now))" }
        if status == .sent || status == .cancelled { query += ", finished_at = \(bind: now)" }
        query += """
             WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) AND status IN (\(binds: statuses.map(\.rawValue).sorted())) RETURNING id
            """
        return !(try await handle.sql.raw(query).all().isEmpty)
    }

    func sending(limit: Int) async throws -> [Campaign] {
        try await handle.sql.raw("""
            SELECT * FROM campaigns WHERE status = \(bind: CampaignStatus.sending.rawValue) ORDER BY started_at, id LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func due(at date: Date, limit: Int) async throws -> [Campaign] {
        try await handle.sql.raw("""
            SELECT * FROM campaigns WHERE status = \(bind: CampaignStatus.scheduled.rawValue) AND scheduled_at <= \(bind: Timestamp.microseconds(date))
            ORDER BY scheduled_at, id LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func audienceFacts(_ campaign: Campaign, after customerID: String?, limit: Int, sentSince: Date) async throws
        -> (facts: [CampaignRecipientFacts], last: String?)
    {
        let audience = campaign.definition.audience
        var members: SQLQueryString = "SELECT DISTINCT customer_id FROM segment_members WHERE segment_id IN (\(binds: audience.segmentIDs))"
        if let customerID { members += " AND customer_id > \(bind: customerID)" }
        members += " ORDER BY customer_id LIMIT \(unsafeRaw: String(limit))"
        let memberIDs = try await handle.sql.raw(members).all().map { try $0.string("customer_id") }
        guard !memberIDs.isEmpty else { return ([], nil) }
        let email = IdentityKind.email.rawValue
        let rows = try await handle.sql.raw("""
            SELECT c.id, (SELECT MIN(i.value) FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = \(bind: email)) AS address
            FROM customers c WHERE c.id IN (\(binds: memberIDs)) AND c.workspace_id = \(bind: campaign.workspaceID)
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL ORDER BY c.id
            """).all()
        let liveIDs = try rows.map { try $0.string("id") }
        var excluded = Set<String>()
        if !audience.exclusionSegmentIDs.isEmpty && !liveIDs.isEmpty {
            excluded = Set(try await handle.sql.raw("""
                SELECT DISTINCT customer_id FROM segment_members WHERE segment_id IN (\(binds: audience.exclusionSegmentIDs)) AND customer_id IN (\(binds: liveIDs))
                """).all().map { try $0.string("customer_id") })
        }
        var consents: [String: ConsentEntry] = [:]
        var preferences: [String: ContactPreferences] = [:]
        var sends: [String: [Date]] = [:]
        if !liveIDs.isEmpty, let channel = campaign.channel.inboxChannel.consentChannel {
            let consentRepository = SQLConsentRepository(handle: handle)
            let entries = try await handle.sql.raw("""
                SELECT * FROM consent_entries WHERE customer_id IN (\(binds: liveIDs)) AND purpose = \(bind: ConsentPurpose.marketing.rawValue)
                  AND channel = \(bind: channel.rawValue)
                """).all().compactMap(consentRepository.decode)
            for state in Dictionary(grouping: entries, by: \.customerID).mapValues(ConsentState.states) {
                consents[state.key] = state.value.first?.current
            }
        }
        if !liveIDs.isEmpty {
            for row in try await handle.sql.raw("SELECT * FROM contact_preferences WHERE customer_id IN (\(binds: liveIDs))").all() {
                let id = try row.string("customer_id")
                preferences[id] = ContactPreferences(
                    customerID: id, workspaceID: try row.string("workspace_id"), frequency: ContactFrequency(rawValue: try row.string("frequency")) ?? .any,
                    pausedUntil: try row.optionalDate("paused_until"), updatedAt: try row.date("updated_at"))
            }
            for row in try await handle.sql.raw("""
                SELECT customer_id, sent_at FROM campaign_sends WHERE customer_id IN (\(binds: liveIDs)) AND sent_at > \(bind: Timestamp.microseconds(sentSince))
                """).all() {
                sends[try row.string("customer_id"), default: []].append(try row.date("sent_at"))
            }
        }
        let facts = try rows.map { row in
            let id = try row.string("id")
            return CampaignRecipientFacts(
                customerID: id, excluded: excluded.contains(id), address: try row.optionalString("address"), marketingConsent: consents[id],
                preferences: preferences[id], recentSends: sends[id] ?? [])
        }
        return (facts, memberIDs.count < limit ? nil : memberIDs.last)
    }

    func markAudienceResolved(id: String, at date: Date) async throws {
        try await handle.sql.raw("""
            UPDATE campaigns SET audience_resolved_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: id) AND audience_resolved_at IS NULL
            """).run()
    }

    func claim(campaignID: String, limit: Int, now: Date, until: Date) async throws -> [CampaignSendClaim] {
        let (now, until) = (Timestamp.microseconds(now), Timestamp.microseconds(until))
        // Batches a dead sender held first, then queued ones not waiting for a retry; each in
        // the index's order, and the condition repeated outside so a row another sender took
        // meanwhile is not taken twice.
        var claimed: [any SQLRow] = []
        for (status, condition) in [
            (CampaignSendStatus.sending, "claimed_until <= " as SQLQueryString), (.queued, "(claimed_until IS NULL OR claimed_until <= " as SQLQueryString),
        ] where claimed.count < limit {
            let close: SQLQueryString = status == .queued ? ")" : ""
            let query: SQLQueryString = """
                UPDATE campaign_sends SET status = \(bind: CampaignSendStatus.sending.rawValue), claimed_until = \(bind: until)
                WHERE id IN (SELECT id FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND status = \(bind: status.rawValue)
                    AND \(condition)\(bind: now)\(close) ORDER BY id LIMIT \(unsafeRaw: String(limit - claimed.count)))
                  AND status = \(bind: status.rawValue) AND \(condition)\(bind: now)\(close)
                RETURNING id, customer_id, address, variant
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
                lastName: try profile?.optionalString("last_name"), locale: try profile?.optionalString("locale"))
        }
        .sorted { $0.sendID < $1.sendID }
    }

    func record(_ records: [CampaignSendRecord], at date: Date, retryAt: Date) async throws {
        let now = Timestamp.microseconds(date)
        for record in records {
            let set: SQLQueryString = switch record.outcome {
            case .sent(let messageID):
                "status = \(bind: CampaignSendStatus.sent.rawValue), sent_at = \(bind: now), provider_message_id = \(bind: messageID), claimed_until = NULL, error = NULL"
            case .refused(let reason):
                "status = \(bind: CampaignSendStatus.failed.rawValue), error = \(bind: String(reason.prefix(500))), claimed_until = NULL"
            case .deferred(let reason):
                "status = \(bind: CampaignSendStatus.queued.rawValue), error = \(bind: String(reason.prefix(500))), claimed_until = \(bind: Timestamp.microseconds(retryAt))"
            }
            try await handle.sql.raw("UPDATE campaign_sends SET \(set) WHERE id = \(bind: record.sendID) AND status = \(bind: CampaignSendStatus.sending.rawValue)").run()
        }
    }

    func finishIfDone(id: String, at date: Date) async throws -> Bool {
        let now = Timestamp.microseconds(date)
        return !(try await handle.sql.raw("""
            UPDATE campaigns SET status = \(bind: CampaignStatus.sent.rawValue), finished_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND status = \(bind: CampaignStatus.sending.rawValue) AND audience_resolved_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM campaign_sends WHERE campaign_id = \(bind: id)
                AND status IN (\(bind: CampaignSendStatus.queued.rawValue), \(bind: CampaignSendStatus.sending.rawValue)))
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

    func send(providerMessageID: String, workspaceID: String) async throws -> CampaignSend? {
        try await handle.sql.raw("""
            SELECT * FROM campaign_sends WHERE provider_message_id = \(bind: providerMessageID.lowercased()) AND workspace_id = \(bind: workspaceID)
            """).first().flatMap(decodeSend)
    }

    func recordFeedback(_ kind: DeliveryFeedback.Kind, sendID: String, at date: Date) async throws {
        let now = Timestamp.microseconds(date)
        let set: SQLQueryString = switch kind {
        case .hardBounce: "status = \(bind: CampaignSendStatus.bounced.rawValue), bounced_at = COALESCE(bounced_at, \(bind: now))"
        case .complaint: "complained_at = COALESCE(complained_at, \(bind: now))"
        case .unsubscribe: "unsubscribed_at = COALESCE(unsubscribed_at, \(bind: now))"
        }
        try await handle.sql.raw("UPDATE campaign_sends SET \(set) WHERE id = \(bind: sendID)").run()
    }
}
