import Foundation
import RapportCore
import SQLKit

/// The set-based audience resolution (`CampaignRepository.resolveAudience`). For a stretch of
/// members it fills a temporary table with what the rule asks of each (one statement of
/// correlated lookups), marks the suppressed ones (their addresses digested in Swift: SQL
/// cannot), counts the members by group, has Core decide each group, and writes every member's
/// send with one `INSERT … SELECT`, drawing the holdout and the test in SQL.
extension SQLCampaignRepository {
    /// Members' recent sends packed into one number, a window per six digits.
    private static let windowBase: Int64 = 1_000_000
    /// The outcome's not-before time of each variant besides `A` in a send-time test
    /// (`CampaignAudienceOutcome.variantNotBefore`), in the order of `experiment.names[1...]`.
    private static let variantColumns = (1...CampaignExperiment.maximumVariants).map { "not_before_\($0)" }

    func resolveAudience(_ plan: CampaignAudiencePlan, after customerID: String?, limit: Int, suppressions: any SuppressionLookup) async throws
        -> CampaignAudienceStretch
    {
        let campaign = plan.campaign
        let audience = campaign.definition.audience
        guard plan.windows.count <= 3 else { throw RapportError.conflict("The audience resolution counts recent sends in at most three windows.") }
        guard let bounds = try await stretch(audience.segmentIDs, after: customerID ?? "", limit: limit) else { return CampaignAudienceStretch(added: 0, last: nil) }
        try await handle.dialect.prepareForIndexedBulk(on: handle)
        try await prepareFacts()
        try await fillFacts(plan, after: customerID ?? "", through: bounds.last)
        if !suppressions.isEmpty { try await markSuppressed(suppressions) }
        if plan.isTimed { try await fillPhonePrefixes(plan) }

        var outcomes: [(group: String, outcome: CampaignAudienceOutcome)] = []
        for row in try await handle.sql.raw("""
            SELECT \(Self.groupKey()) AS grp, MIN(excluded) AS excluded, MIN(CASE WHEN address IS NULL THEN 0 ELSE 1 END) AS has_address, MIN(suppressed) AS suppressed,
              MIN(consent) AS consent, MIN(frequency) AS frequency, MIN(paused) AS paused, MIN(sends) AS sends, MIN(time_zone) AS time_zone,
              MIN(phone_prefix) AS phone_prefix
            FROM audience_facts GROUP BY \(Self.groupKey())
            """).all() {
            outcomes.append((try row.string("grp"), plan.decide(try Self.group(row, windows: plan.windows.count))))
        }
        // A send-time test's variants (`experiment.names[1...]`) each have their own column.
        let variantNames = Array((campaign.definition.experiment?.names ?? []).dropFirst())
        for chunk in stride(from: 0, to: outcomes.count, by: 500).map({ outcomes[$0..<min($0 + 500, outcomes.count)] }) {
            var insert: SQLQueryString = "INSERT INTO audience_outcomes (grp, skip_reason, not_before, \(unsafeRaw: Self.variantColumns.joined(separator: ", "))) VALUES "
            for (index, entry) in chunk.enumerated() {
                insert += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(\(bind: entry.group), \(bind: entry.outcome.skipReason?.rawValue), \
                    \(bind: entry.outcome.notBefore.map(Timestamp.microseconds))
                    """
                for column in Self.variantColumns.indices {
                    let name = column < variantNames.count ? variantNames[column] : nil
                    insert += ", \(bind: name.flatMap { entry.outcome.variantNotBefore[$0] }.map(Timestamp.microseconds))"
                }
                insert += ")"
            }
            try await handle.sql.raw(insert).run()
        }
        let added = try await writeSends(plan)
        try await emptyWorkingTables()
        return CampaignAudienceStretch(added: added, last: bounds.count < limit ? nil : bounds.last)
    }

    /// The last of the first `limit` members after `after` (each segment's members read in id
    /// order from its primary key, merged), and how many there are; nil when none is left.
    private func stretch(_ segmentIDs: [String], after: String, limit: Int) async throws -> (last: String, count: Int)? {
        var members: SQLQueryString = "SELECT COUNT(*) AS n, MAX(customer_id) AS last FROM (SELECT DISTINCT customer_id FROM ("
        for (index, segmentID) in segmentIDs.enumerated() {
            if index > 0 { members += " UNION ALL " }
            members += """
                SELECT * FROM (SELECT customer_id FROM segment_members WHERE segment_id = \(bind: segmentID) AND customer_id > \(bind: after)
                  ORDER BY customer_id LIMIT \(unsafeRaw: String(limit))) AS s\(unsafeRaw: String(index))
                """
        }
        members += ") AS m ORDER BY customer_id LIMIT \(unsafeRaw: String(limit))) AS stretch"
        guard let row = try await handle.sql.raw(members).first(), let last = try row.optionalString("last") else { return nil }
        return (last, Int(try row.int("n")))
    }

    /// The two working tables, on this connection only, emptied (a stretch that failed rolled
    /// its rows back with its transaction).
    private func prepareFacts() async throws {
        try await handle.sql.raw("""
            CREATE TEMPORARY TABLE IF NOT EXISTS audience_facts (
              customer_id TEXT NOT NULL, address TEXT, excluded INTEGER NOT NULL, consent TEXT NOT NULL,
              frequency TEXT NOT NULL, paused INTEGER NOT NULL, sends BIGINT NOT NULL, time_zone TEXT NOT NULL, phone_prefix TEXT NOT NULL,
              suppressed TEXT NOT NULL, holdout_draw DOUBLE PRECISION NOT NULL, test_draw DOUBLE PRECISION NOT NULL)
            """).run()
        // Temporary tables live as long as their connection, and a connection as long as its
        // process: a table created by an older build without the variants' columns is never met.
        try await handle.sql.raw("""
            CREATE TEMPORARY TABLE IF NOT EXISTS audience_outcomes (
              grp TEXT PRIMARY KEY, skip_reason TEXT, not_before BIGINT, \(unsafeRaw: Self.variantColumns.map { "\($0) BIGINT" }.joined(separator: ", ")))
            """).run()
        try await emptyWorkingTables()
    }

    /// On PostgreSQL by `TRUNCATE`: deleted rows of a temporary table are never vacuumed, and
    /// the table lives as long as its pooled connection.
    private func emptyWorkingTables() async throws {
        for table in ["audience_facts", "audience_outcomes"] {
            try await handle.sql.raw("\(unsafeRaw: handle.dialect.kind == .postgresql ? "TRUNCATE" : "DELETE FROM") \(ident: table)").run()
        }
    }

    /// One row per live member of the stretch: their address on the channel (the preferred
    /// kind first, then the oldest), exclusion, latest marketing answer on the channel (by when
    /// they acted, then when it was stored, then id: `ConsentState`'s order) and whether a grant
    /// has expired, preferences, and their other campaigns' sends on the channel in each window.
    private func fillFacts(_ plan: CampaignAudiencePlan, after: String, through: String) async throws {
        let campaign = plan.campaign
        let audience = campaign.definition.audience
        let now = Timestamp.microseconds(plan.now)
        let excluded: SQLQueryString = audience.exclusionSegmentIDs.isEmpty ? "0" : """
            CASE WHEN EXISTS (SELECT 1 FROM segment_members x WHERE x.segment_id IN (\(binds: audience.exclusionSegmentIDs)) AND x.customer_id = c.id)
              THEN 1 ELSE 0 END
            """
        var consent: SQLQueryString = "''"
        if let channel = campaign.channel.inboxChannel.consentChannel {
            consent = """
                COALESCE((SELECT e.status || CASE WHEN e.expires_at IS NOT NULL AND e.expires_at <= \(bind: now) THEN '/expired' ELSE '' END
                  FROM consent_entries e WHERE e.customer_id = c.id AND e.purpose = \(bind: ConsentPurpose.marketing.rawValue) AND e.channel = \(bind: channel.rawValue)
                  ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id DESC LIMIT 1), '')
                """
        }
        // Sends that count towards a cap: queued or on their way too, so that two campaigns
        // resolved together still keep to it; packed a window per six digits.
        let counted = [CampaignSendStatus.queued, .waiting, .sending, .sent, .delivered, .bounced].map(\.rawValue)
        var packed: SQLQueryString = ""
        for (index, start) in plan.windowStarts.enumerated() {
            if index > 0 { packed += " + " }
            let factor = (0..<index).reduce(Int64(1)) { factor, _ in factor * Self.windowBase }
            packed += "SUM(CASE WHEN COALESCE(s.sent_at, s.queued_at) > \(bind: Timestamp.microseconds(start)) THEN \(unsafeRaw: String(factor)) ELSE 0 END)"
        }
        let longest = Timestamp.microseconds(plan.windowStarts.min() ?? plan.now)
        // Each member's own draws (`CampaignRecipientRule.draw`), made once here.
        let dialect = handle.dialect
        let holdoutDraw: SQLQueryString = campaign.definition.holdoutShare > 0 ? dialect.draw(salt: campaign.id, column: "c.id") : "0.0"
        let testDraw: SQLQueryString = campaign.definition.experiment != nil ? dialect.draw(salt: campaign.id + "/test", column: "c.id") : "0.0"
        let address = Self.firstIdentity(kinds: campaign.channel.addressKinds, of: "c.id")
        // The stretch's members, each once though several of the segments hold them.
        let members: SQLQueryString = audience.segmentIDs.count == 1
            ? """
                segment_members m JOIN customers c ON c.id = m.customer_id AND m.segment_id = \(bind: audience.segmentIDs[0])
                  AND m.customer_id > \(bind: after) AND m.customer_id <= \(bind: through)
                """
            : """
                (SELECT DISTINCT customer_id FROM segment_members WHERE segment_id IN (\(binds: audience.segmentIDs))
                  AND customer_id > \(bind: after) AND customer_id <= \(bind: through)) AS m JOIN customers c ON c.id = m.customer_id
                """
        try await handle.sql.raw("""
            INSERT INTO audience_facts (
              customer_id, address, excluded, consent, frequency, paused, sends, time_zone, phone_prefix, suppressed, holdout_draw, test_draw)
            SELECT c.id, \(address), \(excluded), \(consent), COALESCE(p.frequency, ''),
              CASE WHEN p.paused_until > \(bind: now) THEN 1 ELSE 0 END,
              COALESCE((SELECT \(packed) FROM campaign_sends s JOIN campaigns k ON k.id = s.campaign_id
                WHERE s.customer_id = c.id AND s.campaign_id <> \(bind: campaign.id) AND k.channel = \(bind: campaign.channel.rawValue) AND k.marketing <> 0
                  AND s.status IN (\(binds: counted)) AND COALESCE(s.sent_at, s.queued_at) > \(bind: longest)
                  AND COALESCE(s.sent_at, s.queued_at) <= \(bind: now)), 0),
              \(unsafeRaw: plan.isTimed ? "COALESCE(c.timezone, '')" : "''"), '', '', \(holdoutDraw), \(testDraw)
            FROM \(members)
            LEFT JOIN contact_preferences p ON p.customer_id = c.id
            WHERE c.workspace_id = \(bind: campaign.workspaceID) AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
            """).run()
    }

    /// Marks the members whose address the channel's suppression list holds, with the reasons.
    /// Excluded members are left alone: exclusion is their reason whatever else holds.
    private func markSuppressed(_ suppressions: any SuppressionLookup) async throws {
        var members: [(customerID: String, address: String)] = []
        for row in try await handle.sql.raw("SELECT customer_id, address FROM audience_facts WHERE address IS NOT NULL AND excluded = 0").all() {
            members.append((try row.string("customer_id"), try row.string("address")))
        }
        // The digests (an HMAC per key and address) on every core.
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, members.count / 1_000))
        let held = await withTaskGroup(of: [(String, String)].self) { group in
            for part in 0..<parts {
                let slice = members[members.count * part / parts..<members.count * (part + 1) / parts]
                group.addTask {
                    slice.compactMap { member in
                        let reasons = suppressions.reasons(for: member.address)
                        return reasons.isEmpty ? nil : (member.customerID, reasons.map(\.rawValue).joined(separator: ","))
                    }
                }
            }
            return await group.reduce(into: [(String, String)]()) { $0 += $1 }
        }
        for (reasons, customerIDs) in Dictionary(grouping: held, by: \.1).mapValues({ $0.map(\.0) }) {
            for chunk in stride(from: 0, to: customerIDs.count, by: 5_000).map({ customerIDs[$0..<min($0 + 5_000, customerIDs.count)] }) {
                try await handle.sql.raw("""
                    UPDATE audience_facts SET suppressed = \(bind: reasons) WHERE customer_id IN (\(binds: Array(chunk)))
                    """).run()
            }
        }
    }

    /// For a timed plan: the start of each member's number (their first phone number, else,
    /// on WhatsApp, their address: the number without its `+`), which says where they are.
    private func fillPhonePrefixes(_ plan: CampaignAudiencePlan) async throws {
        let fallback: SQLQueryString = plan.addressIsNumber ? "'+' || audience_facts.address" : "NULL"
        try await handle.sql.raw("""
            UPDATE audience_facts SET phone_prefix = COALESCE(substr(COALESCE(\(Self.firstIdentity(kinds: [.phone], of: "audience_facts.customer_id")), \(fallback)), 1, 5), '')
            """).run()
    }

    /// The value of the customer's first identity of these kinds: the first kind's oldest,
    /// else the next kind's, each read in the order of `customer_identities_customer`. The
    /// address a campaign sends to, on both engines and in every query that reads it.
    static func firstIdentity(kinds: [IdentityKind], of customer: String) -> SQLQueryString {
        var value: SQLQueryString = "COALESCE("
        for (index, kind) in kinds.enumerated() {
            value += """
                \(unsafeRaw: index == 0 ? "" : ", ")(SELECT i.value FROM customer_identities i WHERE i.customer_id = \(unsafeRaw: customer) \
                AND i.kind = \(bind: kind.rawValue) ORDER BY i.created_at, i.id LIMIT 1)
                """
        }
        return value + ", NULL)"
    }

    /// A group's key: every fact the rule asks, as text, over the facts table (or its alias).
    private static func groupKey(_ table: String = "audience_facts") -> SQLQueryString {
        let columns = ["excluded", "suppressed", "consent", "frequency", "paused", "sends", "time_zone", "phone_prefix"]
        let text = "CASE WHEN \(table).address IS NULL THEN '0' ELSE '1' END || '|' || "
            + columns.map { "CAST(\(table).\($0) AS TEXT)" }.joined(separator: " || '|' || ")
        return "(\(unsafeRaw: text))"
    }

    /// No preferences saved (empty), else the saved frequency; one this version does not know
    /// counts as `any`, as the preferences repository reads it, so a pause still holds.
    private static func frequency(_ saved: String) -> ContactFrequency? {
        saved.isEmpty ? nil : ContactFrequency(rawValue: saved) ?? .any
    }

    private static func group(_ row: any SQLRow, windows: Int) throws -> CampaignAudienceGroup {
        let consent = try row.string("consent")
        let status = consent.split(separator: "/").first.flatMap { ConsentStatus(rawValue: String($0)) }
        var packed = try row.int("sends")
        var sends: [Int] = []
        for _ in 0..<windows {
            sends.append(Int(packed % windowBase))
            packed /= windowBase
        }
        let timeZone = try row.string("time_zone")
        let phonePrefix = try row.string("phone_prefix")
        return CampaignAudienceGroup(
            excluded: try row.int("excluded") != 0, hasAddress: try row.int("has_address") != 0,
            suppressions: try row.string("suppressed").split(separator: ",").compactMap { SuppressionReason(rawValue: String($0)) },
            consent: status, consentExpired: consent.hasSuffix("/expired"), frequency: Self.frequency(try row.string("frequency")),
            paused: try row.int("paused") != 0, recentSends: sends, timeZone: timeZone.isEmpty ? nil : timeZone,
            phonePrefix: phonePrefix.isEmpty ? nil : phonePrefix)
    }

    /// Every member's send, from their group's outcome and their own draws: held out below the
    /// holdout share; in a test, tested below the test share (the variant by where in it) and
    /// otherwise waiting for the winner. Its time (`claimed_until`) is the group's, or in a test
    /// of send time the group's time for the variant drawn. Ids share the stretch's time and
    /// random part and count up in member order, so the log's index grows at its end.
    private func writeSends(_ plan: CampaignAudiencePlan) async throws -> Int {
        let campaign = plan.campaign
        let definition = campaign.definition
        let now = Timestamp.microseconds(plan.now)
        let dialect = handle.dialect
        let held: SQLQueryString = definition.holdoutShare > 0 ? "f.holdout_draw < \(bind: definition.holdoutShare)" : "1 = 0"
        var status: SQLQueryString = """
            CASE WHEN o.skip_reason IS NOT NULL THEN \(bind: CampaignSendStatus.skipped.rawValue)
              WHEN \(held) THEN \(bind: CampaignSendStatus.heldOut.rawValue)
            """
        var variant: SQLQueryString = "NULL"
        if let experiment = definition.experiment {
            let tested: SQLQueryString = "f.test_draw"
            status += " WHEN NOT (\(tested) < \(bind: experiment.testShare)) THEN \(bind: CampaignSendStatus.waiting.rawValue)"
            // `CampaignExperiment.variant`: the name at floor(draw / share × n), the last at most.
            variant = "CASE WHEN o.skip_reason IS NULL AND NOT (\(held)) AND \(tested) < \(bind: experiment.testShare) THEN CASE"
            for bound in experiment.variantBounds.dropLast() {
                variant += " WHEN \(tested) < \(bind: bound.below) THEN \(bind: bound.name)"
            }
            variant += " ELSE \(bind: experiment.names[experiment.names.count - 1]) END END"
        }
        status += " ELSE \(bind: CampaignSendStatus.queued.rawValue) END"
        // When each member's message may first go: their group's time, or in a send-time test
        // the time of the variant their draw gave them (`variant`, the same expression again).
        var notBefore: SQLQueryString = "COALESCE(o.not_before, \(bind: now))"
        if let experiment = definition.experiment, experiment.testsSendTime {
            notBefore = "CASE (\(variant))"
            for (index, found) in experiment.variants.enumerated() where found.localTime != nil {
                notBefore += " WHEN CAST(\(bind: found.name) AS TEXT) THEN COALESCE(o.\(unsafeRaw: Self.variantColumns[index]), o.not_before, \(bind: now))"
            }
            notBefore += " ELSE COALESCE(o.not_before, \(bind: now)) END"
        }
        // The time and the last 8 characters (40 bits) of a fresh id, then 8 digits counting up:
        // the last ones, since an id made in the same millisecond as another counts up there.
        let fresh = ResourceID.make(.campaignSend, at: plan.now)
        let stem = String(fresh.prefix(IDPrefix.campaignSend.rawValue.count + 1 + 10)) + String(fresh.suffix(8))
        let counter = dialect.zeroPadded("ROW_NUMBER() OVER (ORDER BY f.customer_id)", width: 8)
        return try await handle.sql.raw("""
            INSERT INTO campaign_sends (id, campaign_id, workspace_id, customer_id, variant, status, skip_reason, address, queued_at, claimed_until, attempts)
            SELECT CAST(\(bind: stem) AS TEXT) || \(unsafeRaw: counter), \(bind: campaign.id), \(bind: campaign.workspaceID), f.customer_id, \(variant), \(status),
              o.skip_reason, f.address, \(bind: now),
              CASE WHEN o.skip_reason IS NULL AND NOT (\(held)) THEN \(notBefore) END, 0
            FROM audience_facts f JOIN audience_outcomes o ON o.grp = \(Self.groupKey("f"))
            WHERE 1 = 1
            ON CONFLICT (campaign_id, customer_id, occurrence) DO NOTHING RETURNING 1 AS added
            """).all().count
    }
}
