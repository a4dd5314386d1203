import Foundation
import RapportCore
import SQLKit

struct SQLSurveyRepository: SurveyRepository {
    let handle: SQLConnectionHandle

    func settings(workspaceID: String) async throws -> SurveySettings? {
        guard let row = try await handle.sql.raw("SELECT * FROM survey_settings WHERE workspace_id = \(bind: workspaceID)").first() else {
            return nil
        }
        return SurveySettings(
            csatAfterConversations: try row.int("csat_after_conversations") != 0,
            npsAfterDeliveryDays: try row.decode(column: "nps_after_delivery_days", as: Int64?.self).map(Int.init),
            quietDays: Int(try row.int("quiet_days")), followUpNegative: try row.int("follow_up_negative") != 0,
            followUpTeamID: try row.optionalString("follow_up_team_id"))
    }

    func save(_ settings: SurveySettings, workspaceID: String, at now: Date) async throws {
        try await handle.sql.raw("""
            INSERT INTO survey_settings (workspace_id, csat_after_conversations, nps_after_delivery_days, quiet_days, follow_up_negative,
              follow_up_team_id, updated_at)
            VALUES (\(bind: workspaceID), \(bind: settings.csatAfterConversations ? 1 : 0), \(bind: settings.npsAfterDeliveryDays),
              \(bind: settings.quietDays), \(bind: settings.followUpNegative ? 1 : 0), \(bind: settings.followUpTeamID), \(bind: Timestamp.microseconds(now)))
            ON CONFLICT (workspace_id) DO UPDATE SET csat_after_conversations = excluded.csat_after_conversations,
              nps_after_delivery_days = excluded.nps_after_delivery_days, quiet_days = excluded.quiet_days,
              follow_up_negative = excluded.follow_up_negative, follow_up_team_id = excluded.follow_up_team_id, updated_at = excluded.updated_at
            """).run()
    }

    func insert(_ survey: Survey, origin: String?) async throws -> Bool {
        try await handle.sql.raw("""
            INSERT INTO surveys (id, workspace_id, customer_id, kind, survey_trigger, channel, inbox_id, conversation_id, opened_conversation,
              question_message_id, rated_conversation_id,
              order_id, handled_by, team_id, question, status, score, comment, answered_via, follow_up_conversation_id, comment_prompt_message_id,
              sent_by, origin, sent_at, answered_at, language)
            VALUES (\(bind: survey.id), \(bind: survey.workspaceID), \(bind: survey.customerID), \(bind: survey.kind.rawValue),
              \(bind: survey.trigger.rawValue), \(bind: survey.channel.rawValue), \(bind: survey.inboxID), \(bind: survey.conversationID),
              \(bind: survey.openedConversation ? 1 : 0), \(bind: survey.questionMessageID), \(bind: survey.ratedConversationID), \(bind: survey.orderID), \(bind: survey.handledBy), \(bind: survey.teamID),
              \(bind: survey.question), \(bind: survey.status.rawValue), \(bind: survey.score), \(bind: survey.comment), \(bind: survey.answeredVia),
              \(bind: survey.followUpConversationID), \(bind: survey.commentPromptMessageID), \(bind: survey.sentBy), \(bind: origin), \(bind: Timestamp.microseconds(survey.sentAt)),
              \(bind: survey.answeredAt.map(Timestamp.microseconds)), \(bind: survey.language.rawValue))
            ON CONFLICT (workspace_id, origin) DO NOTHING RETURNING id
            """).first() != nil
    }

    func update(_ survey: Survey, reference: String?) async throws {
        try await handle.sql.raw("""
            UPDATE surveys SET status = \(bind: survey.status.rawValue), score = \(bind: survey.score), comment = \(bind: survey.comment),
              answered_via = \(bind: survey.answeredVia), answer_reference = COALESCE(\(bind: reference), answer_reference),
              follow_up_conversation_id = \(bind: survey.followUpConversationID),
              comment_prompt_message_id = \(bind: survey.commentPromptMessageID), answered_at = \(bind: survey.answeredAt.map(Timestamp.microseconds))
            WHERE id = \(bind: survey.id) AND workspace_id = \(bind: survey.workspaceID)
            """).run()
    }

    func find(id: String, workspaceID: String?) async throws -> Survey? {
        var query: SQLQueryString = "SELECT * FROM surveys s WHERE s.id = \(bind: id)"
        if let workspaceID { query += " AND s.workspace_id = \(bind: workspaceID)" }
        query += "\(unsafeRaw: handle.dialect.lockForUpdate(of: "s", in: handle))"
        return try await handle.sql.raw(query).first().flatMap(decode)
    }

    func awaiting(contact: String, inboxID: String, since: Date, reference: String) async throws -> Survey? {
        try await handle.sql.raw("""
            SELECT s.* FROM surveys s
            WHERE s.conversation_id IN (SELECT c.id FROM conversations c WHERE c.inbox_id = \(bind: inboxID) AND c.contact = \(bind: contact))
              AND s.inbox_id = \(bind: inboxID) AND s.sent_at >= \(bind: Timestamp.microseconds(since))
              AND (s.status = \(bind: SurveyStatus.sent.rawValue) OR s.answer_reference = \(bind: reference))
            ORDER BY (CASE WHEN s.answer_reference = \(bind: reference) THEN 0 ELSE 1 END), s.sent_at DESC, s.id DESC
            LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "s", in: handle))
            """).first().flatMap(decode)
    }

    func awaitingComment(contact: String, inboxID: String, since: Date) async throws -> Survey? {
        try await handle.sql.raw("""
            SELECT s.* FROM surveys s
            WHERE s.conversation_id IN (SELECT c.id FROM conversations c WHERE c.inbox_id = \(bind: inboxID) AND c.contact = \(bind: contact))
              AND s.inbox_id = \(bind: inboxID) AND s.status = \(bind: SurveyStatus.answered.rawValue)
              AND s.answered_at >= \(bind: Timestamp.microseconds(since)) AND s.comment IS NULL AND s.comment_prompt_message_id IS NOT NULL
            ORDER BY s.answered_at DESC, s.id DESC
            LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "s", in: handle))
            """).first().flatMap(decode)
    }

    func exists(origin: String, workspaceID: String) async throws -> Bool {
        try await handle.sql.raw("""
            SELECT 1 AS found FROM surveys WHERE workspace_id = \(bind: workspaceID) AND origin = \(bind: origin) LIMIT 1
            """).first() != nil
    }

    func isFollowUp(conversationID: String) async throws -> Bool {
        try await handle.sql.raw("SELECT 1 AS found FROM surveys WHERE follow_up_conversation_id = \(bind: conversationID) LIMIT 1").first() != nil
    }

    func latestAnswered(customerID: String, kind: SurveyKind, workspaceID: String) async throws -> Survey? {
        try await handle.sql.raw("""
            SELECT * FROM surveys WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
              AND kind = \(bind: kind.rawValue) AND status = \(bind: SurveyStatus.answered.rawValue)
            ORDER BY sent_at DESC, id DESC LIMIT 1
            """).first().flatMap(decode)
    }

    func lastSentAt(customerID: String, workspaceID: String) async throws -> Date? {
        guard let row = try await handle.sql.raw("""
            SELECT MAX(sent_at) AS last FROM surveys WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).first()
        else { return nil }
        return try row.optionalDate("last")
    }

    func list(workspaceID: String, customerID: String?, kind: SurveyKind?, status: SurveyStatus?, page: PageRequest) async throws -> Page<Survey> {
        var query: SQLQueryString = "SELECT s.* FROM surveys s WHERE s.workspace_id = \(bind: workspaceID)"
        if let customerID { query += " AND s.customer_id = \(bind: customerID)" }
        if let kind { query += " AND s.kind = \(bind: kind.rawValue)" }
        if let status { query += " AND s.status = \(bind: status.rawValue)" }
        if let cursor = page.startingAfter { query += " AND s.id < \(bind: cursor)" }
        query += " ORDER BY s.id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func tallies(kind: SurveyKind, workspaceID: String, from: Date, to: Date) async throws -> [SurveyTally] {
        try await handle.sql.raw("""
            SELECT s.handled_by, s.team_id, s.score, COUNT(*) AS surveys FROM surveys s
            WHERE s.workspace_id = \(bind: workspaceID) AND s.kind = \(bind: kind.rawValue)
              AND s.sent_at >= \(bind: Timestamp.microseconds(from)) AND s.sent_at < \(bind: Timestamp.microseconds(to))
            GROUP BY s.handled_by, s.team_id, s.score
            """).all().map { row in
            SurveyTally(
                handledBy: try row.optionalString("handled_by"), teamID: try row.optionalString("team_id"),
                score: try row.decode(column: "score", as: Int64?.self).map(Int.init), count: Int(try row.int("surveys")))
        }
    }

    /// A survey of a kind, trigger, status or channel this build does not know is left out.
    private func decode(_ row: any SQLRow) throws -> Survey? {
        guard let kind = SurveyKind(rawValue: try row.string("kind")), let trigger = SurveyTrigger(rawValue: try row.string("survey_trigger")),
            let status = SurveyStatus(rawValue: try row.string("status")), let channel = InboxChannel(rawValue: try row.string("channel"))
        else { return nil }
        return Survey(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"), kind: kind,
            trigger: trigger, channel: channel, inboxID: try row.string("inbox_id"), conversationID: try row.string("conversation_id"),
            openedConversation: try row.int("opened_conversation") != 0, questionMessageID: try row.optionalString("question_message_id"),
            ratedConversationID: try row.optionalString("rated_conversation_id"), orderID: try row.optionalString("order_id"),
            handledBy: try row.optionalString("handled_by"), teamID: try row.optionalString("team_id"), question: try row.string("question"),
            status: status, score: try row.decode(column: "score", as: Int64?.self).map(Int.init), comment: try row.optionalString("comment"),
            answeredVia: try row.optionalString("answered_via"), followUpConversationID: try row.optionalString("follow_up_conversation_id"),
            commentPromptMessageID: try row.optionalString("comment_prompt_message_id"),
            sentBy: try row.string("sent_by"), sentAt: try row.date("sent_at"), answeredAt: try row.optionalDate("answered_at"),
            language: try row.optionalString("language").flatMap(BotLanguage.init(rawValue:)) ?? .english)
    }
}
