import Foundation
import RapportCore
import SQLKit

extension SQLJourneyRepository {
    static let enrolmentColumns = [
        "id", "journey_id", "version", "workspace_id", "customer_id", "status", "step_key", "visit", "since", "held_since", "due_at", "wait_event",
        "entered_at", "updated_at", "finished_at", "end_reason", "converted_at", "source", "order_id",
    ]

    func enrol(_ enrolments: [JourneyEnrolment]) async throws -> [String] {
        var inserted: [String] = []
        // 19 values a row: 200 rows stay far below either engine's limit on bound values.
        for start in stride(from: 0, to: enrolments.count, by: 200) {
            var query: SQLQueryString = "INSERT INTO journey_enrolments (\(unsafeRaw: Self.enrolmentColumns.joined(separator: ", "))) VALUES "
            for (index, enrolment) in enrolments[start..<min(start + 200, enrolments.count)].enumerated() {
                let position = enrolment.position
                query += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(\(bind: enrolment.id), \(bind: enrolment.journeyID), \(bind: enrolment.version),
                      \(bind: enrolment.workspaceID), \(bind: enrolment.customerID), \(bind: enrolment.status.rawValue), \(bind: position?.stepKey),
                      \(bind: position?.visit ?? 0), \(bind: position.map { Timestamp.microseconds($0.since) }),
                      \(bind: position?.heldSince.map(Timestamp.microseconds)), \(bind: enrolment.dueAt.map(Timestamp.microseconds)),
                      \(bind: enrolment.waitEvent), \(bind: Timestamp.microseconds(enrolment.enteredAt)), \(bind: Timestamp.microseconds(enrolment.updatedAt)),
                      \(bind: enrolment.finishedAt.map(Timestamp.microseconds)), \(bind: enrolment.endReason),
                      \(bind: enrolment.convertedAt.map(Timestamp.microseconds)), \(bind: enrolment.source), \(bind: enrolment.orderID))
                    """
            }
            query += " ON CONFLICT DO NOTHING RETURNING id"
            inserted += try await handle.sql.raw(query).all().map { try $0.string("id") }
        }
        return inserted
    }

    func lastEntries(journeyID: String, customerIDs: [String]) async throws -> [String: (enteredAt: Date, inFlight: Bool)] {
        var found: [String: (enteredAt: Date, inFlight: Bool)] = [:]
        for start in stride(from: 0, to: customerIDs.count, by: 1_000) {
            let chunk = Array(customerIDs[start..<min(start + 1_000, customerIDs.count)])
            for row in try await handle.sql.raw("""
                SELECT customer_id, MAX(entered_at) AS entered_at, SUM(CASE WHEN finished_at IS NULL THEN 1 ELSE 0 END) AS open
                FROM journey_enrolments WHERE customer_id IN (\(binds: chunk)) AND journey_id = \(bind: journeyID) GROUP BY customer_id
                """).all()
            {
                found[try row.string("customer_id")] = (try row.date("entered_at"), try row.int("open") > 0)
            }
        }
        return found
    }

    func journeysWithDue(among journeyIDs: [String], now: Date) async throws -> [String] {
        guard !journeyIDs.isEmpty else { return [] }
        return try await handle.sql.raw("""
            SELECT j.id FROM journeys j WHERE j.id IN (\(binds: journeyIDs))
              AND EXISTS (SELECT 1 FROM journey_enrolments e WHERE e.journey_id = j.id AND e.due_at <= \(bind: Timestamp.microseconds(now)))
            """).all().map { try $0.string("id") }
    }

    func release(ids: [String], token: String, dueAt date: Date) async throws {
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            try await handle.sql.raw("""
                UPDATE journey_enrolments SET claim_token = NULL, due_at = \(bind: Timestamp.microseconds(date))
                WHERE id IN (\(binds: Array(ids[start..<min(start + 1_000, ids.count)]))) AND claim_token = \(bind: token)
                """).run()
        }
    }

    func claimDue(journeyID: String, now: Date, until: Date, token: String, limit: Int) async throws -> [JourneyEnrolment] {
        let (now, until) = (Timestamp.microseconds(now), Timestamp.microseconds(until))
        // The condition is repeated outside, so a row another runner took meanwhile is not
        // taken twice; on PostgreSQL, rows another runner is taking are skipped, not waited for.
        let lock = handle.inTransaction ? handle.dialect.skipLockedRows : ""
        return try await handle.sql.raw("""
            UPDATE journey_enrolments SET due_at = \(bind: until), claim_token = \(bind: token)
            WHERE id IN (SELECT id FROM journey_enrolments WHERE journey_id = \(bind: journeyID) AND due_at <= \(bind: now)
                ORDER BY due_at LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: lock))
              AND journey_id = \(bind: journeyID) AND due_at <= \(bind: now)
            RETURNING *
            """).all().compactMap(decodeEnrolment)
    }

    func confirm(ids: [String], token: String) async throws -> Set<String> {
        var held = Set<String>()
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            let chunk = Array(ids[start..<min(start + 1_000, ids.count)])
            held.formUnion(try await handle.sql.raw("""
                UPDATE journey_enrolments SET claim_token = NULL WHERE id IN (\(binds: chunk)) AND claim_token = \(bind: token) RETURNING id
                """).all().map { try $0.string("id") })
        }
        return held
    }

    /// The batch's moves, 200 to a statement (`UPDATE … FROM (VALUES …)`, which both engines
    /// take; a statement per enrolment cost a round trip each on PostgreSQL). An event noted
    /// for the step a move now waits at, after the walk got there (while the runner held the
    /// enrolment), is kept and makes it due at once; any other is spent.
    func save(_ moves: [JourneyEnrolmentMove], at now: Date) async throws {
        let stamp = Timestamp.microseconds(now)
        // The VALUES columns, in order: 1 id, 2 status, 3 step_key, 4 visit, 5 since,
        // 6 held_since, 7 wait_event, 8 due_at, 9 finished_at, 10 end_reason, 11 since (or the
        // largest time, without a place: nothing is kept). Cast, so a column of nulls has its type.
        let unseen = "e.event_at IS NOT NULL AND e.event_name = COALESCE(v.column7, '') AND e.event_at > v.column11"
        for start in stride(from: 0, to: moves.count, by: 200) {
            var values: SQLQueryString = ""
            for (index, move) in moves[start..<min(start + 200, moves.count)].enumerated() {
                let position = move.position
                let since = position.map { Timestamp.microseconds($0.since) }
                values += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(CAST(\(bind: move.enrolmentID) AS TEXT), CAST(\(bind: move.status.rawValue) AS TEXT),
                      CAST(\(bind: position?.stepKey) AS TEXT), CAST(\(bind: position?.visit ?? 0) AS INTEGER), CAST(\(bind: since) AS BIGINT),
                      CAST(\(bind: position?.heldSince.map(Timestamp.microseconds)) AS BIGINT), CAST(\(bind: move.waitEvent) AS TEXT),
                      CAST(\(bind: move.dueAt.map(Timestamp.microseconds)) AS BIGINT), CAST(\(bind: move.finishedAt.map(Timestamp.microseconds)) AS BIGINT),
                      CAST(\(bind: move.endReason) AS TEXT), CAST(\(bind: since ?? Int64.max) AS BIGINT))
                    """
            }
            try await handle.sql.raw("""
                UPDATE journey_enrolments AS e SET status = v.column2, step_key = v.column3, visit = v.column4, since = v.column5,
                  held_since = v.column6, wait_event = v.column7,
                  due_at = CASE WHEN \(unsafeRaw: unseen) THEN \(bind: stamp) ELSE v.column8 END,
                  event_name = CASE WHEN \(unsafeRaw: unseen) THEN e.event_name ELSE NULL END,
                  event_at = CASE WHEN \(unsafeRaw: unseen) THEN e.event_at ELSE NULL END,
                  updated_at = \(bind: stamp), finished_at = v.column9, end_reason = v.column10
                FROM (VALUES \(values)) AS v
                WHERE e.id = v.column1
                """).run()
        }
    }

    func insertStepRuns(_ runs: [JourneyStepRecord]) async throws {
        for start in stride(from: 0, to: runs.count, by: 500) {
            var query: SQLQueryString = "INSERT INTO journey_steps (enrolment_id, step_key, visit, journey_id, ran_at, skipped) VALUES "
            for (index, run) in runs[start..<min(start + 500, runs.count)].enumerated() {
                query += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(\(bind: run.enrolmentID), \(bind: run.stepKey), \(bind: run.visit), \(bind: run.journeyID),
                      \(bind: Timestamp.microseconds(run.ranAt)), \(bind: run.skipped))
                    """
            }
            query += " ON CONFLICT DO NOTHING"
            try await handle.sql.raw(query).run()
        }
    }

    func visits(enrolmentIDs: [String]) async throws -> [String: [String: Int]] {
        var visits: [String: [String: Int]] = [:]
        for start in stride(from: 0, to: enrolmentIDs.count, by: 1_000) {
            let chunk = Array(enrolmentIDs[start..<min(start + 1_000, enrolmentIDs.count)])
            for row in try await handle.sql.raw("""
                SELECT enrolment_id, step_key, MAX(visit) AS visit FROM journey_steps WHERE enrolment_id IN (\(binds: chunk)) GROUP BY enrolment_id, step_key
                """).all()
            {
                visits[try row.string("enrolment_id"), default: [:]][try row.string("step_key")] = Int(try row.int("visit"))
            }
        }
        return visits
    }

    func customerFacts(customerIDs: [String]) async throws -> [JourneyCustomerFacts] {
        var facts: [JourneyCustomerFacts] = []
        for start in stride(from: 0, to: customerIDs.count, by: 1_000) {
            let chunk = Array(customerIDs[start..<min(start + 1_000, customerIDs.count)])
            for row in try await handle.sql.raw("""
                SELECT c.id, c.timezone, CASE WHEN c.deleted_at IS NULL AND c.merged_into_id IS NULL THEN 0 ELSE 1 END AS gone,
                  \(SQLCampaignRepository.firstIdentity(kinds: [.phone], of: "c.id")) AS phone,
                  CASE WHEN EXISTS (SELECT 1 FROM conversations v WHERE v.customer_id = c.id AND v.status <> \(bind: ConversationStatus.resolved.rawValue)
                    AND v.last_incoming_at IS NOT NULL)
                    THEN 1 ELSE 0 END AS open
                FROM customers c WHERE c.id IN (\(binds: chunk))
                """).all()
            {
                facts.append(
                    JourneyCustomerFacts(
                        customerID: try row.string("id"), timeZone: try row.optionalString("timezone"), phone: try row.optionalString("phone"),
                        hasOpenConversation: try row.int("open") != 0, isGone: try row.int("gone") != 0))
            }
        }
        return facts
    }

    func orderTimes(customerIDs: [String], since: Date) async throws -> [String: [Date]] {
        var times: [String: [Date]] = [:]
        for start in stride(from: 0, to: customerIDs.count, by: 1_000) {
            let chunk = Array(customerIDs[start..<min(start + 1_000, customerIDs.count)])
            for row in try await handle.sql.raw("""
                SELECT customer_id, placed_at FROM orders WHERE customer_id IN (\(binds: chunk)) AND placed_at >= \(bind: Timestamp.microseconds(since))
                  AND status NOT IN (\(bind: OrderStatus.cancelled.rawValue), \(bind: OrderStatus.refunded.rawValue))
                """).all()
            {
                times[try row.string("customer_id"), default: []].append(try row.date("placed_at"))
            }
        }
        return times
    }

    func enrolments(customerIDs: [String], inFlightOrEnteredSince date: Date, journeyIDsWithGoals: [String]) async throws -> [JourneyEnrolment] {
        var found: [JourneyEnrolment] = []
        for start in stride(from: 0, to: customerIDs.count, by: 1_000) {
            let chunk = Array(customerIDs[start..<min(start + 1_000, customerIDs.count)])
            var query: SQLQueryString = "SELECT * FROM journey_enrolments WHERE customer_id IN (\(binds: chunk)) AND (finished_at IS NULL"
            if !journeyIDsWithGoals.isEmpty {
                query += """
                     OR (converted_at IS NULL AND entered_at >= \(bind: Timestamp.microseconds(date)) AND journey_id IN (\(binds: journeyIDsWithGoals)))
                    """
            }
            query += ") ORDER BY entered_at, id"
            found += try await handle.sql.raw(query).all().compactMap(decodeEnrolment)
        }
        return found
    }

    func noteEvent(enrolmentIDs: [String], name: String, at date: Date) async throws {
        guard !enrolmentIDs.isEmpty else { return }
        let stamp = Timestamp.microseconds(date)
        try await handle.sql.raw("""
            UPDATE journey_enrolments SET event_name = \(bind: name), event_at = \(bind: stamp),
              due_at = CASE WHEN wait_event = \(bind: name) AND claim_token IS NULL THEN \(bind: stamp) ELSE due_at END
            WHERE id IN (\(binds: enrolmentIDs)) AND finished_at IS NULL
              AND NOT (event_name IS NOT NULL AND wait_event IS NOT NULL AND event_name = wait_event AND event_name <> \(bind: name))
            """).run()
    }

    func markConverted(enrolmentIDs: [String], at date: Date) async throws {
        guard !enrolmentIDs.isEmpty else { return }
        try await handle.sql.raw("""
            UPDATE journey_enrolments SET converted_at = \(bind: Timestamp.microseconds(date)) WHERE id IN (\(binds: enrolmentIDs)) AND converted_at IS NULL
            """).run()
    }

    func finish(enrolmentIDs: [String], status: JourneyEnrolmentStatus, reason: String, at date: Date, converted: Bool) async throws {
        guard !enrolmentIDs.isEmpty else { return }
        let stamp = Timestamp.microseconds(date)
        try await handle.sql.raw("""
            UPDATE journey_enrolments SET status = \(bind: status.rawValue), finished_at = \(bind: stamp), end_reason = \(bind: reason),
              converted_at = \(bind: converted ? stamp : nil), due_at = NULL, wait_event = NULL, claim_token = NULL, updated_at = \(bind: stamp)
            WHERE id IN (\(binds: enrolmentIDs)) AND finished_at IS NULL
            """).run()
    }

    func finishAll(journeyID: String, reason: String, at date: Date) async throws -> Int {
        let stamp = Timestamp.microseconds(date)
        return try await handle.sql.raw("""
            UPDATE journey_enrolments SET status = CASE WHEN status = \(bind: JourneyEnrolmentStatus.heldOut.rawValue) THEN status ELSE \(bind: JourneyEnrolmentStatus.exited.rawValue) END,
              finished_at = \(bind: stamp), end_reason = \(bind: reason), due_at = NULL, wait_event = NULL, claim_token = NULL, updated_at = \(bind: stamp)
            WHERE journey_id = \(bind: journeyID) AND finished_at IS NULL
            RETURNING id
            """).all().count
    }

    func enrolments(customerID: String, workspaceID: String) async throws -> [JourneyEnrolment] {
        try await handle.sql.raw("""
            SELECT * FROM journey_enrolments WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            ORDER BY entered_at DESC, id DESC LIMIT 100
            """).all().compactMap(decodeEnrolment)
    }

    // MARK: Report

    func stepCounts(journeyID: String, goalWindow: TimeInterval?) async throws -> [JourneyStepCount] {
        var counts: [String: JourneyStepCount] = [:]
        for row in try await handle.sql.raw("""
            SELECT step_key, COUNT(*) AS waiting FROM journey_enrolments
            WHERE journey_id = \(bind: journeyID) AND finished_at IS NULL AND status <> \(bind: JourneyEnrolmentStatus.heldOut.rawValue) AND step_key IS NOT NULL
            GROUP BY step_key
            """).all()
        {
            let key = try row.string("step_key")
            counts[key] = JourneyStepCount(stepKey: key, waiting: Int(try row.int("waiting")), passed: 0)
        }
        for row in try await handle.sql.raw("""
            SELECT step_key, COUNT(*) AS passed, SUM(CASE WHEN skipped IS NULL THEN 0 ELSE 1 END) AS skipped
            FROM journey_steps WHERE journey_id = \(bind: journeyID) GROUP BY step_key
            """).all()
        {
            let key = try row.string("step_key")
            var count = counts[key] ?? JourneyStepCount(stepKey: key, waiting: 0, passed: 0)
            count.passed = Int(try row.int("passed"))
            count.skipped = Int(try row.int("skipped"))
            counts[key] = count
        }
        let went = [CampaignSendStatus.sent, .delivered, .bounced].map(\.rawValue)
        for row in try await handle.sql.raw("""
            SELECT c.journey_step, COUNT(*) AS sent, COUNT(s.opened_at) AS opened, COUNT(s.clicked_at) AS clicked
            FROM campaigns c JOIN campaign_sends s ON s.campaign_id = c.id
            WHERE c.journey_id = \(bind: journeyID) AND s.status IN (\(binds: went)) GROUP BY c.journey_step
            """).all()
        {
            let key = try row.string("journey_step")
            var count = counts[key] ?? JourneyStepCount(stepKey: key, waiting: 0, passed: 0)
            count.sent = Int(try row.int("sent"))
            count.opened = Int(try row.int("opened"))
            count.clicked = Int(try row.int("clicked"))
            counts[key] = count
        }
        // Per step, the enrolments that ran it and those of them that converted in the window.
        let window = Self.window(goalWindow)
        for row in try await handle.sql.raw("""
            SELECT s.step_key, COUNT(DISTINCT s.enrolment_id) AS reached,
              COUNT(DISTINCT CASE WHEN e.converted_at IS NOT NULL AND e.converted_at - e.entered_at <= \(bind: window) THEN s.enrolment_id END) AS converted
            FROM journey_steps s JOIN journey_enrolments e ON e.id = s.enrolment_id
            WHERE s.journey_id = \(bind: journeyID) GROUP BY s.step_key
            """).all()
        {
            let key = try row.string("step_key")
            var count = counts[key] ?? JourneyStepCount(stepKey: key, waiting: 0, passed: 0)
            count.reached = Int(try row.int("reached"))
            count.converted = Int(try row.int("converted"))
            counts[key] = count
        }
        if goalWindow != nil {
            // Orders in the window after entering, of the enrolments that ran each step (each once).
            for row in try await handle.sql.raw("""
                SELECT r.step_key, o.currency, CAST(SUM(o.total - o.refunded) AS BIGINT) AS revenue
                FROM (SELECT DISTINCT step_key, enrolment_id FROM journey_steps WHERE journey_id = \(bind: journeyID)) r
                JOIN journey_enrolments e ON e.id = r.enrolment_id
                JOIN orders o ON o.customer_id = e.customer_id AND o.workspace_id = e.workspace_id
                WHERE \(Self.inWindow(window)) GROUP BY r.step_key, o.currency
                """).all()
            {
                let key = try row.string("step_key")
                counts[key]?.revenue[try row.string("currency")] = try row.int("revenue")
            }
        }
        return counts.values.sorted { $0.stepKey < $1.stepKey }
    }

    func customers(ranStep stepKey: String, journeyID: String) async throws -> [String] {
        try await handle.sql.raw("""
            SELECT e.customer_id FROM journey_steps s JOIN journey_enrolments e ON e.id = s.enrolment_id
            WHERE s.journey_id = \(bind: journeyID) AND s.step_key = \(bind: stepKey) AND s.visit = 1
            """).all().map { try $0.string("customer_id") }
    }

    func stats(journeyID: String, goalWindow: TimeInterval?) async throws -> JourneyStats {
        let window = Self.window(goalWindow)
        let heldOut = JourneyEnrolmentStatus.heldOut.rawValue
        guard let row = try await handle.sql.raw("""
            SELECT COUNT(*) AS entered,
              SUM(CASE WHEN finished_at IS NULL THEN 1 ELSE 0 END) AS in_flight,
              SUM(CASE WHEN status = \(bind: JourneyEnrolmentStatus.completed.rawValue) THEN 1 ELSE 0 END) AS completed,
              SUM(CASE WHEN status = \(bind: JourneyEnrolmentStatus.exited.rawValue) THEN 1 ELSE 0 END) AS exited,
              SUM(CASE WHEN status = \(bind: heldOut) THEN 1 ELSE 0 END) AS held_out,
              SUM(CASE WHEN status <> \(bind: heldOut) AND converted_at IS NOT NULL AND converted_at - entered_at <= \(bind: window) THEN 1 ELSE 0 END) AS converted,
              SUM(CASE WHEN status = \(bind: heldOut) AND converted_at IS NOT NULL AND converted_at - entered_at <= \(bind: window) THEN 1 ELSE 0 END) AS held_out_converted
            FROM journey_enrolments WHERE journey_id = \(bind: journeyID)
            """).first()
        else { return JourneyStats() }
        var stats = JourneyStats()
        stats.entered = Int(try row.int("entered"))
        func sum(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64?.self) ?? 0) }
        stats.inFlight = try sum("in_flight")
        stats.completed = try sum("completed")
        stats.exited = try sum("exited")
        stats.heldOut = try sum("held_out")
        stats.converted = try sum("converted")
        stats.heldOutConverted = try sum("held_out_converted")
        guard goalWindow != nil else { return stats }
        for row in try await handle.sql.raw("""
            SELECT CASE WHEN e.status = \(bind: heldOut) THEN 1 ELSE 0 END AS held_out, o.currency, CAST(SUM(o.total - o.refunded) AS BIGINT) AS revenue
            FROM journey_enrolments e JOIN orders o ON o.customer_id = e.customer_id AND o.workspace_id = e.workspace_id
            WHERE e.journey_id = \(bind: journeyID) AND \(Self.inWindow(window))
            GROUP BY 1, 2
            """).all()
        {
            let amount = try row.int("revenue")
            if try row.int("held_out") == 1 { stats.heldOutRevenue[try row.string("currency")] = amount } else { stats.revenue[try row.string("currency")] = amount }
        }
        return stats
    }

    /// The goal's window in the store's microseconds (0 without a goal).
    static func window(_ goalWindow: TimeInterval?) -> Int64 {
        Int64((goalWindow ?? 0) * 1_000_000)
    }

    /// An order `o` of enrolment `e`'s customer placed from its entry to the window's end, not cancelled.
    static func inWindow(_ window: Int64) -> SQLQueryString {
        "o.placed_at >= e.entered_at AND o.placed_at < e.entered_at + \(bind: window) AND o.cancelled_at IS NULL"
    }

    func decodeEnrolment(_ row: any SQLRow) throws -> JourneyEnrolment? {
        guard let status = JourneyEnrolmentStatus(rawValue: try row.string("status")) else { return nil }
        var position: JourneyPosition?
        if let key = try row.optionalString("step_key"), let since = try row.optionalDate("since") {
            position = JourneyPosition(stepKey: key, visit: Int(try row.int("visit")), since: since, heldSince: try row.optionalDate("held_since"))
        }
        let waitEvent = try row.optionalString("wait_event")
        let eventName = try row.optionalString("event_name")
        return JourneyEnrolment(
            id: try row.string("id"), journeyID: try row.string("journey_id"), version: Int(try row.int("version")),
            workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"), status: status, position: position,
            dueAt: try row.optionalDate("due_at"), waitEvent: waitEvent,
            eventArrivedAt: waitEvent != nil && eventName == waitEvent ? try row.optionalDate("event_at") : nil,
            enteredAt: try row.date("entered_at"), updatedAt: try row.date("updated_at"), finishedAt: try row.optionalDate("finished_at"),
            endReason: try row.optionalString("end_reason"), convertedAt: try row.optionalDate("converted_at"), source: try row.string("source"),
            orderID: try row.optionalString("order_id"))
    }
}
