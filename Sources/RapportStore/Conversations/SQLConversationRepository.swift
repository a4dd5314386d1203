import Foundation
import RapportCore
import SQLKit

struct SQLConversationRepository: ConversationRepository {
    let handle: SQLConnectionHandle

    func insert(_ conversation: Conversation) async throws {
        let c = conversation
        try await handle.sql.raw("""
            INSERT INTO conversations (id, workspace_id, inbox_id, customer_id, channel, contact, subject, status, snoozed_until,
              assignee_id, team_id, priority, labels, last_message_at, last_incoming_at, waiting_since, first_response_at,
              first_response_due, next_response_due, resolution_due, sla_breaches, created_at, updated_at, resolved_at)
            VALUES (\(bind: c.id), \(bind: c.workspaceID), \(bind: c.inboxID), \(bind: c.customerID), \(bind: c.channel.rawValue),
              \(bind: c.contact), \(bind: c.subject), \(bind: c.status.rawValue), \(bind: micros(c.snoozedUntil)),
              \(bind: c.assigneeID), \(bind: c.teamID), \(bind: c.priority.rawValue), \(bind: StoredJSON.tags(c.labels)),
              \(bind: Timestamp.microseconds(c.lastMessageAt)), \(bind: micros(c.lastIncomingAt)), \(bind: micros(c.waitingSince)),
              \(bind: micros(c.firstResponseAt)), \(bind: micros(c.firstResponseDue)), \(bind: micros(c.nextResponseDue)),
              \(bind: micros(c.resolutionDue)), \(bind: StoredJSON.tags(c.slaBreaches)), \(bind: Timestamp.microseconds(c.createdAt)),
              \(bind: Timestamp.microseconds(c.updatedAt)), \(bind: micros(c.resolvedAt)))
            """).run()
    }

    func update(_ conversation: Conversation) async throws {
        let c = conversation
        try await handle.sql.raw("""
            UPDATE conversations SET customer_id = \(bind: c.customerID), subject = \(bind: c.subject),
              status = \(bind: c.status.rawValue), snoozed_until = \(bind: micros(c.snoozedUntil)), assignee_id = \(bind: c.assigneeID),
              team_id = \(bind: c.teamID), priority = \(bind: c.priority.rawValue), labels = \(bind: StoredJSON.tags(c.labels)),
              last_message_at = \(bind: Timestamp.microseconds(c.lastMessageAt)), last_incoming_at = \(bind: micros(c.lastIncomingAt)),
              waiting_since = \(bind: micros(c.waitingSince)), first_response_at = \(bind: micros(c.firstResponseAt)),
              first_response_due = \(bind: micros(c.firstResponseDue)), next_response_due = \(bind: micros(c.nextResponseDue)),
              resolution_due = \(bind: micros(c.resolutionDue)), sla_breaches = \(bind: StoredJSON.tags(c.slaBreaches)),
              updated_at = \(bind: Timestamp.microseconds(c.updatedAt)), resolved_at = \(bind: micros(c.resolvedAt))
            WHERE id = \(bind: c.id)
            """).run()
    }

    func find(id: String, workspaceID: String?) async throws -> Conversation? {
        var sql: SQLQueryString = "SELECT * FROM conversations c WHERE id = \(bind: id)"
        if let workspaceID { sql += " AND workspace_id = \(bind: workspaceID)" }
        sql += "\(unsafeRaw: handle.dialect.lockForUpdate(of: "c", in: handle))"
        return try await handle.sql.raw(sql).first().flatMap(decodeConversation)
    }

    func unresolved(inboxID: String, contact: String) async throws -> Conversation? {
        try await handle.sql.raw("""
            SELECT * FROM conversations c WHERE inbox_id = \(bind: inboxID) AND contact = \(bind: contact) AND status <> 'resolved'
            ORDER BY id DESC LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "c", in: handle))
            """).first().flatMap(decodeConversation)
    }

    func latest(inboxID: String, contact: String) async throws -> Conversation? {
        try await handle.sql.raw("""
            SELECT * FROM conversations c WHERE inbox_id = \(bind: inboxID) AND contact = \(bind: contact)
            ORDER BY id DESC LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "c", in: handle))
            """).first().flatMap(decodeConversation)
    }

    func holding(providerMessageIDs: [String], inboxID: String) async throws -> Conversation? {
        guard !providerMessageIDs.isEmpty else { return nil }
        var sql: SQLQueryString = "SELECT conversation_id FROM messages WHERE inbox_id = \(bind: inboxID) AND provider_message_id IN ("
        for (index, id) in providerMessageIDs.prefix(100).enumerated() { sql += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
        sql += ") ORDER BY id DESC LIMIT 1"
        guard let row = try await handle.sql.raw(sql).first() else { return nil }
        return try await find(id: try row.string("conversation_id"), workspaceID: nil)
    }

    func list(filter: ConversationFilter, workspaceID: String, page: PageRequest) async throws -> Page<Conversation> {
        var sql: SQLQueryString = "SELECT * FROM conversations WHERE "
        sql += Self.conditions(filter, workspaceID: workspaceID)
        if let cursor = page.startingAfter {
            let anchor = try await handle.sql.raw("""
                SELECT last_message_at FROM conversations WHERE id = \(bind: cursor) AND workspace_id = \(bind: workspaceID)
                """).first()
            guard let anchor else { throw RapportError.invalid(field: "starting_after", "\(cursor) is not a conversation") }
            let time = try anchor.int("last_message_at")
            sql += " AND (last_message_at < \(bind: time) OR (last_message_at = \(bind: time) AND id < \(bind: cursor)))"
        }
        sql += " ORDER BY last_message_at DESC, id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(sql).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decodeConversation), hasMore: rows.count > page.limit)
    }

    func counts(filter: ConversationFilter, userID: String?, workspaceID: String) async throws -> ConversationCounts {
        var sql: SQLQueryString = """
            SELECT status, CAST(COUNT(*) AS BIGINT) AS total,
              CAST(SUM(CASE WHEN assignee_id = \(bind: userID ?? "") THEN 1 ELSE 0 END) AS BIGINT) AS mine,
              CAST(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unassigned
            FROM conversations
            """
        sql += " WHERE "
        sql += Self.conditions(filter, workspaceID: workspaceID)
        sql += " GROUP BY status"
        var counts = ConversationCounts()
        for row in try await handle.sql.raw(sql).all() {
            guard let status = ConversationStatus(rawValue: try row.string("status")) else { continue }
            counts.total[status] = Int(try row.int("total"))
            counts.mine[status] = Int(try row.int("mine"))
            counts.unassigned[status] = Int(try row.int("unassigned"))
        }
        return counts
    }

    func statsRows(workspaceID: String, from: Date, to: Date) async throws -> [ConversationStatsRow] {
        let start = Timestamp.microseconds(from)
        let end = Timestamp.microseconds(to)
        let columns = "id, channel, assignee_id, created_at, first_response_at, resolved_at, sla_breaches"
        // A conversation a survey opened for itself (an NPS after delivery) is not the team's work.
        let notSurveys = "NOT EXISTS (SELECT 1 FROM surveys s WHERE s.conversation_id = conversations.id AND s.opened_conversation = 1)"
        let opened = try await handle.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM conversations
            WHERE workspace_id = \(bind: workspaceID) AND created_at >= \(bind: start) AND created_at < \(bind: end) AND \(unsafeRaw: notSurveys)
            """).all()
        let resolvedEarlierOpened = try await handle.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM conversations
            WHERE workspace_id = \(bind: workspaceID) AND resolved_at >= \(bind: start) AND resolved_at < \(bind: end)
              AND created_at < \(bind: start) AND \(unsafeRaw: notSurveys)
            """).all()
        return try (opened + resolvedEarlierOpened).compactMap { row in
            guard let channel = InboxChannel(rawValue: try row.string("channel")) else { return nil }
            return ConversationStatsRow(
                id: try row.string("id"), channel: channel, assigneeID: try row.optionalString("assignee_id"),
                createdAt: try row.date("created_at"), firstResponseAt: try row.optionalDate("first_response_at"),
                resolvedAt: try row.optionalDate("resolved_at"),
                slaBreaches: try StoredJSON.decodeList([String].self, from: try row.string("sla_breaches")))
        }
    }

    func openByAssignee(workspaceID: String) async throws -> [String: Int] {
        let rows = try await handle.sql.raw("""
            SELECT assignee_id, CAST(COUNT(*) AS BIGINT) AS open FROM conversations
            WHERE workspace_id = \(bind: workspaceID) AND status IN ('open', 'pending') AND assignee_id IS NOT NULL
            GROUP BY assignee_id
            """).all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.string("assignee_id")] = Int(try row.int("open")) }
        return counts
    }

    /// The WHERE conditions of a filter (after `WHERE `).
    static func conditions(_ filter: ConversationFilter, workspaceID: String) -> SQLQueryString {
        var sql: SQLQueryString = "workspace_id = \(bind: workspaceID)"
        if let status = filter.status { sql += " AND status = \(bind: status.rawValue)" }
        if let inboxID = filter.inboxID { sql += " AND inbox_id = \(bind: inboxID)" }
        if let scope = filter.scope {
            sql += " AND (assignee_id = \(bind: scope.userID ?? "")"
            for id in scope.inboxIDs.sorted() { sql += " OR inbox_id = \(bind: id)" }
            for id in scope.teamIDs.sorted() { sql += " OR team_id = \(bind: id)" }
            sql += ")"
        }
        if let channel = filter.channel { sql += " AND channel = \(bind: channel.rawValue)" }
        if let assigneeID = filter.assigneeID { sql += " AND assignee_id = \(bind: assigneeID)" }
        if filter.unassigned { sql += " AND assignee_id IS NULL" }
        if let customerID = filter.customerID { sql += " AND customer_id = \(bind: customerID)" }
        if let teamID = filter.teamID { sql += " AND team_id = \(bind: teamID)" }
        if let segmentID = filter.segmentID {
            sql += " AND customer_id IN (SELECT m.customer_id FROM segment_members m WHERE m.segment_id = \(bind: segmentID))"
        }
        if let label = filter.label { sql += " AND labels LIKE \(bind: "%" + StoredJSON.tags([label]).dropFirst().dropLast() + "%")" }
        return sql
    }

    func dueSnoozes(before date: Date, limit: Int) async throws -> [Conversation] {
        try await handle.sql.raw("""
            SELECT * FROM conversations WHERE status = 'snoozed' AND snoozed_until <= \(bind: Timestamp.microseconds(date))
            ORDER BY snoozed_until LIMIT \(literal: limit)
            """).all().compactMap(decodeConversation)
    }

    func insert(_ message: Message) async throws {
        let m = message
        try await handle.sql.raw("""
            INSERT INTO messages (id, workspace_id, conversation_id, inbox_id, direction, kind, author_type, author_id, text,
              attachments, is_private, provider_message_id, delivery_status, failure_reason, raw, sentiment, purpose, created_at, updated_at)
            VALUES (\(bind: m.id), \(bind: m.workspaceID), \(bind: m.conversationID), \(bind: m.inboxID), \(bind: m.direction.rawValue),
              \(bind: m.kind.rawValue), \(bind: m.author.rawValue), \(bind: m.authorID), \(bind: m.text),
              \(bind: try attachmentsJSON(m)), \(bind: m.isPrivate ? 1 : 0), \(bind: m.providerMessageID),
              \(bind: m.deliveryStatus?.rawValue), \(bind: m.failureReason), \(bind: m.raw),
              \(bind: m.sentiment.map { Int64(($0 * 1000).rounded()) }), \(bind: m.purpose?.rawValue),
              \(bind: Timestamp.microseconds(m.createdAt)), \(bind: Timestamp.microseconds(m.updatedAt)))
            """).run()
    }

    func update(_ message: Message) async throws {
        let m = message
        try await handle.sql.raw("""
            UPDATE messages SET provider_message_id = \(bind: m.providerMessageID), delivery_status = \(bind: m.deliveryStatus?.rawValue),
              failure_reason = \(bind: m.failureReason), text = \(bind: m.text), attachments = \(bind: try attachmentsJSON(m)),
              updated_at = \(bind: Timestamp.microseconds(m.updatedAt))
            WHERE id = \(bind: m.id)
            """).run()
    }

    func message(id: String) async throws -> Message? {
        try await handle.sql.raw("SELECT * FROM messages WHERE id = \(bind: id)").first().flatMap(decodeMessage)
    }

    func message(providerMessageID: String, inboxID: String) async throws -> Message? {
        try await handle.sql.raw("""
            SELECT * FROM messages WHERE inbox_id = \(bind: inboxID) AND provider_message_id = \(bind: providerMessageID)
            """).first().flatMap(decodeMessage)
    }

    func messages(conversationID: String, page: PageRequest) async throws -> Page<Message> {
        var sql: SQLQueryString = "SELECT * FROM messages WHERE conversation_id = \(bind: conversationID)"
        if let cursor = page.startingAfter { sql += " AND id > \(bind: cursor)" }
        sql += " ORDER BY id LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(sql).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decodeMessage), hasMore: rows.count > page.limit)
    }

    /// The contact's conversations first (their index), then each one's newest messages by
    /// `messages_conversation`: one statement over both could have PostgreSQL walk the whole
    /// messages table backwards by its key for a contact whose messages are old.
    func contactThread(inboxID: String, contact: String, since: Date, limit: Int) async throws -> [Message] {
        let conversationIDs = try await handle.sql.raw("""
            SELECT c.id FROM conversations c WHERE c.inbox_id = \(bind: inboxID) AND c.contact = \(bind: contact)
              AND (c.status <> 'resolved' OR c.last_message_at >= \(bind: Timestamp.microseconds(since)))
            ORDER BY c.id DESC LIMIT \(literal: Self.threadConversations)
            """).all().map { try $0.string("id") }
        var newest: [Message] = []
        for conversationID in conversationIDs {
            newest += try await handle.sql.raw("""
                SELECT * FROM messages WHERE conversation_id = \(bind: conversationID) AND is_private = 0
                ORDER BY id DESC LIMIT \(literal: limit)
                """).all().compactMap(decodeMessage)
        }
        return Array(newest.sorted { $0.id > $1.id }.prefix(limit).reversed())
    }

    /// The most conversations of one contact a thread reads (the newest).
    static let threadConversations = 20

    func latestMessages(conversationIDs: [String]) async throws -> [String: Message] {
        guard !conversationIDs.isEmpty else { return [:] }
        var sql: SQLQueryString = """
            SELECT * FROM (
              SELECT m.*, ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY id DESC) AS newest
              FROM messages m WHERE is_private = 0 AND conversation_id IN (
            """
        for (index, id) in conversationIDs.prefix(200).enumerated() { sql += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
        sql += ")) ranked WHERE newest = 1"
        var latest: [String: Message] = [:]
        for row in try await handle.sql.raw(sql).all() {
            if let message = try decodeMessage(row) { latest[message.conversationID] = message }
        }
        return latest
    }

    func messageCount(inboxID: String) async throws -> Int {
        Int(try await handle.sql.raw("SELECT COUNT(*) AS n FROM messages WHERE inbox_id = \(bind: inboxID)").first()?.int("n") ?? 0)
    }

    func providerMessageIDs(conversationID: String) async throws -> [String] {
        try await handle.sql.raw("""
            SELECT provider_message_id FROM messages WHERE conversation_id = \(bind: conversationID)
              AND provider_message_id IS NOT NULL ORDER BY id
            """).all().map { try $0.string("provider_message_id") }
    }

    private func micros(_ date: Date?) -> Int64? {
        date.map(Timestamp.microseconds)
    }

    private func attachmentsJSON(_ message: Message) throws -> String {
        var document: [String: JSONValue] = [:]
        if !message.attachments.isEmpty {
            document["files"] = try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(message.attachments))
        }
        if let content = message.content { document["content"] = content }
        return StoredJSON.json(.object(document))
    }

    private func decodeConversation(_ row: any SQLRow) throws -> Conversation? {
        guard let channel = InboxChannel(rawValue: try row.string("channel")),
            let status = ConversationStatus(rawValue: try row.string("status")),
            let priority = ConversationPriority(rawValue: try row.string("priority"))
        else { return nil }
        return Conversation(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), inboxID: try row.string("inbox_id"),
            customerID: try row.string("customer_id"), channel: channel, contact: try row.string("contact"),
            subject: try row.optionalString("subject"), status: status, snoozedUntil: try row.optionalDate("snoozed_until"),
            assigneeID: try row.optionalString("assignee_id"), teamID: try row.optionalString("team_id"), priority: priority,
            labels: try StoredJSON.decodeList([String].self, from: try row.string("labels")),
            lastMessageAt: try row.date("last_message_at"), lastIncomingAt: try row.optionalDate("last_incoming_at"),
            waitingSince: try row.optionalDate("waiting_since"), firstResponseAt: try row.optionalDate("first_response_at"),
            firstResponseDue: try row.optionalDate("first_response_due"), nextResponseDue: try row.optionalDate("next_response_due"),
            resolutionDue: try row.optionalDate("resolution_due"),
            slaBreaches: try StoredJSON.decodeList([String].self, from: try row.string("sla_breaches")),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"), resolvedAt: try row.optionalDate("resolved_at"))
    }

    private func decodeMessage(_ row: any SQLRow) throws -> Message? {
        guard let direction = MessageDirection(rawValue: try row.string("direction")),
            let kind = MessageKind(rawValue: try row.string("kind")),
            let author = MessageAuthor(rawValue: try row.string("author_type"))
        else { return nil }
        var files: [Attachment] = []
        var content: JSONValue?
        let stored = try row.string("attachments")
        if stored != "{}", case .object(let document) = try StoredJSON.decode(JSONValue.self, from: stored) {
            if let list = document["files"] {
                files = try JSONCoding.makeDecoder().decode([Attachment].self, from: JSONCoding.makeEncoder().encode(list))
            }
            content = document["content"]
        }
        return Message(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), conversationID: try row.string("conversation_id"),
            inboxID: try row.string("inbox_id"), direction: direction, kind: kind, author: author,
            authorID: try row.optionalString("author_id"), text: try row.optionalString("text"), attachments: files,
            content: content, isPrivate: try row.int("is_private") != 0,
            providerMessageID: try row.optionalString("provider_message_id"),
            deliveryStatus: try row.optionalString("delivery_status").flatMap(DeliveryStatus.init(rawValue:)),
            failureReason: try row.optionalString("failure_reason"), raw: try row.optionalString("raw"),
            sentiment: try row.decode(column: "sentiment", as: Int64?.self).map { Double($0) / 1000 },
            purpose: try row.optionalString("purpose").map(ConsentPurpose.init(rawValue:)),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
