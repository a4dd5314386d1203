import Foundation
import RapportCore
import SQLKit

struct SQLCampaignRepository: CampaignRepository {
    let handle: SQLConnectionHandle

    static let sendColumns = [
        "id", "campaign_id", "workspace_id", "customer_id", "variant", "status", "skip_reason", "address", "provider_message_id", "queued_at",
        "sent_at", "delivered_at", "opened_at", "clicked_at", "unsubscribed_at", "bounced_at", "complained_at", "replied_at", "error",
        "claimed_until", "occurrence",
    ]

    func insert(_ campaign: Campaign) async throws {
        try await handle.sql.raw("""
            INSERT INTO campaigns (id, workspace_id, name, channel, inbox_id, status, definition, scheduled_at, started_at, audience_resolved_at,
              finished_at, journey_id, journey_version, journey_step, marketing, created_by, created_at, updated_at)
            VALUES (\(bind: campaign.id), \(bind: campaign.workspaceID), \(bind: campaign.name), \(bind: campaign.channel.rawValue),
              \(bind: campaign.inboxID), \(bind: campaign.status.rawValue), \(bind: campaign.definition.json.jsonText),
              \(bind: campaign.scheduledAt.map(Timestamp.microseconds)), \(bind: campaign.startedAt.map(Timestamp.microseconds)),
              \(bind: campaign.audienceResolvedAt.map(Timestamp.microseconds)), \(bind: campaign.finishedAt.map(Timestamp.microseconds)),
              \(bind: campaign.journeyStep?.journeyID), \(bind: campaign.journeyStep?.version), \(bind: campaign.journeyStep?.stepKey),
              \(bind: campaign.journeyStep?.isMarketing == false ? 0 : 1), \(bind: campaign.createdBy),
              \(bind: Timestamp.microseconds(campaign.createdAt)), \(bind: Timestamp.microseconds(campaign.updatedAt)))
            """).run()
    }

    func update(_ campaign: Campaign, whileIn statuses: Set<CampaignStatus>) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            UPDATE campaigns SET name = \(bind: campaign.name), channel = \(bind: campaign.channel.rawValue), inbox_id = \(bind: campaign.inboxID),
              definition = \(bind: campaign.definition.json.jsonText), scheduled_at = \(bind: campaign.scheduledAt.map(Timestamp.microseconds)),
              updated_at = \(bind: Timestamp.microseconds(campaign.updatedAt))
            WHERE id = \(bind: campaign.id) AND workspace_id = \(bind: campaign.workspaceID) AND status IN (\(binds: Self.names(statuses)))
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    func delete(id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            DELETE FROM campaigns WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) AND status IN (\(binds: Self.names(statuses)))
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    func find(id: String, workspaceID: String) async throws -> Campaign? {
        try await handle.sql.raw("SELECT * FROM campaigns WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().flatMap(decode)
    }

    func list(workspaceID: String, status: CampaignStatus?, page: PageRequest) async throws -> Page<Campaign> {
        // A journey's step campaigns are its own, listed with it.
        var query: SQLQueryString = "SELECT * FROM campaigns WHERE workspace_id = \(bind: workspaceID) AND journey_id IS NULL"
        if let status { query += " AND status = \(bind: status.rawValue)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        let campaigns = try rows.prefix(page.limit).compactMap(decode)
        return Page(items: campaigns, hasMore: rows.count > page.limit)
    }

    // MARK: Send log

    func insertSends(_ sends: [CampaignSend]) async throws -> Int {
        var added = 0
        // 21 values a row: 500 rows stay far below either engine's limit on bound values.
        for chunk in stride(from: 0, to: sends.count, by: 500).map({ sends[$0..<min($0 + 500, sends.count)] }) {
            var query: SQLQueryString = "INSERT INTO campaign_sends (\(unsafeRaw: Self.sendColumns.joined(separator: ", "))) VALUES "
            for (index, send) in chunk.enumerated() {
                let times = [send.sentAt, send.deliveredAt, send.openedAt, send.clickedAt, send.unsubscribedAt, send.bouncedAt, send.complainedAt, send.repliedAt]
                    .map { $0.map(Timestamp.microseconds) }
                query += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(\(bind: send.id), \(bind: send.campaignID), \(bind: send.workspaceID), \(bind: send.customerID),
                      \(bind: send.variant), \(bind: send.status.rawValue), \(bind: send.skipReason?.rawValue), \(bind: send.address),
                      \(bind: send.providerMessageID), \(bind: Timestamp.microseconds(send.queuedAt)), \(binds: times), \(bind: send.error),
                      \(bind: send.status == .queued || send.status == .waiting ? Timestamp.microseconds(send.notBefore ?? send.queuedAt) : nil),
                      \(bind: send.occurrence))
                    """
            }
            query += " ON CONFLICT (campaign_id, customer_id, occurrence) DO NOTHING RETURNING id"
            added += try await handle.sql.raw(query).all().count
        }
        return added
    }

    func sends(campaignID: String, workspaceID: String, page: PageRequest) async throws -> Page<CampaignSend> {
        var query: SQLQueryString = "SELECT * FROM campaign_sends WHERE campaign_id = \(bind: campaignID) AND workspace_id = \(bind: workspaceID)"
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decodeSend), hasMore: rows.count > page.limit)
    }

    // MARK: Rows

    private static func names(_ statuses: Set<CampaignStatus>) -> [String] {
        statuses.map(\.rawValue).sorted()
    }

    /// A campaign whose channel or status this build does not know (a newer one wrote it) is
    /// left out rather than read wrongly.
    func decode(_ row: any SQLRow) throws -> Campaign? {
        guard let channel = CampaignChannel(rawValue: try row.string("channel")), let status = CampaignStatus(rawValue: try row.string("status"))
        else { return nil }
        // A definition this build cannot read (a newer one wrote it) is left out too: one bad
        // row must not stop the sender or the segment checks for every other campaign. Content
        // saved under older rules is read as it is; sending checks it again.
        var journeyStep: CampaignJourneyStep?
        if let journeyID = try row.optionalString("journey_id") {
            journeyStep = CampaignJourneyStep(
                journeyID: journeyID, version: Int(try row.int("journey_version")), stepKey: try row.string("journey_step"),
                isMarketing: try row.int("marketing") != 0)
        }
        guard
            let definition = try? CampaignDefinitionParser.parse(
                try JSONParser.parse(Array(try row.string("definition").utf8)), channel: channel, checkingContent: false,
                requiringAudience: journeyStep == nil)
        else { return nil }
        return Campaign(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"), channel: channel,
            inboxID: try row.string("inbox_id"), status: status, definition: definition, scheduledAt: try row.optionalDate("scheduled_at"),
            startedAt: try row.optionalDate("started_at"), audienceResolvedAt: try row.optionalDate("audience_resolved_at"),
            finishedAt: try row.optionalDate("finished_at"), statusReason: try row.optionalString("status_reason"),
            winnerVariant: try row.optionalString("winner_variant"), winnerChosenAt: try row.optionalDate("winner_chosen_at"), journeyStep: journeyStep,
            createdBy: try row.string("created_by"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    func decodeSend(_ row: any SQLRow) throws -> CampaignSend? {
        guard let status = CampaignSendStatus(rawValue: try row.string("status")) else { return nil }
        return CampaignSend(
            id: try row.string("id"), campaignID: try row.string("campaign_id"), workspaceID: try row.string("workspace_id"),
            customerID: try row.string("customer_id"), variant: try row.optionalString("variant"), status: status,
            skipReason: try row.optionalString("skip_reason").flatMap(CampaignSkipReason.init(rawValue:)), address: try row.optionalString("address"),
            providerMessageID: try row.optionalString("provider_message_id"), queuedAt: try row.date("queued_at"), sentAt: try row.optionalDate("sent_at"),
            deliveredAt: try row.optionalDate("delivered_at"), openedAt: try row.optionalDate("opened_at"), clickedAt: try row.optionalDate("clicked_at"),
            unsubscribedAt: try row.optionalDate("unsubscribed_at"), bouncedAt: try row.optionalDate("bounced_at"),
            complainedAt: try row.optionalDate("complained_at"), repliedAt: try row.optionalDate("replied_at"), error: try row.optionalString("error"),
            occurrence: try row.optionalString("occurrence") ?? "")
    }
}
