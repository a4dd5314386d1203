import Foundation
import RapportCore
import SQLKit

struct SQLReferralRepository: ReferralRepository {
    let handle: SQLConnectionHandle

    func program(workspaceID: String) async throws -> ReferralProgram? {
        guard let row = try await handle.sql.raw("SELECT * FROM referral_programs WHERE workspace_id = \(bind: workspaceID)").first() else { return nil }
        return ReferralProgram(
            workspaceID: workspaceID, enabled: try row.int("enabled") != 0, referrerPoints: try row.int("referrer_points"),
            friendPoints: try row.int("friend_points"), minimumOrderAmount: try row.int("minimum_order_amount"),
            qualifyingDays: Int(try row.int("qualifying_days")), maximumUsesPerCode: Int(try row.int("maximum_uses_per_code")),
            landingURL: try row.optionalString("landing_url"), updatedAt: try row.date("updated_at"))
    }

    func save(_ program: ReferralProgram) async throws {
        try await handle.sql.raw("""
            INSERT INTO referral_programs (workspace_id, enabled, referrer_points, friend_points, minimum_order_amount, qualifying_days,
              maximum_uses_per_code, landing_url, updated_at)
            VALUES (\(bind: program.workspaceID), \(bind: program.enabled ? 1 : 0), \(bind: program.referrerPoints), \(bind: program.friendPoints),
              \(bind: program.minimumOrderAmount), \(bind: program.qualifyingDays), \(bind: program.maximumUsesPerCode), \(bind: program.landingURL),
              \(bind: Timestamp.microseconds(program.updatedAt)))
            ON CONFLICT (workspace_id) DO UPDATE SET enabled = excluded.enabled, referrer_points = excluded.referrer_points,
              friend_points = excluded.friend_points, minimum_order_amount = excluded.minimum_order_amount,
              qualifying_days = excluded.qualifying_days, maximum_uses_per_code = excluded.maximum_uses_per_code,
              landing_url = excluded.landing_url, updated_at = excluded.updated_at
            """).run()
    }

    func code(customerID: String, workspaceID: String) async throws -> String? {
        try await handle.sql.raw("""
            SELECT code FROM referral_codes WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).first().map { try $0.string("code") }
    }

    func insertCode(_ code: String, customerID: String, workspaceID: String, at now: Date) async throws -> Bool {
        try await handle.sql.raw("""
            INSERT INTO referral_codes (code, workspace_id, customer_id, created_at)
            VALUES (\(bind: code), \(bind: workspaceID), \(bind: customerID), \(bind: Timestamp.microseconds(now)))
            ON CONFLICT DO NOTHING RETURNING code
            """).first() != nil
    }

    func owner(code: String, workspaceID: String) async throws -> String? {
        try await handle.sql.raw("""
            SELECT customer_id FROM referral_codes WHERE workspace_id = \(bind: workspaceID) AND code = \(bind: code)
            """).first().map { try $0.string("customer_id") }
    }

    func insert(_ referral: Referral) async throws -> Bool {
        try await handle.sql.raw("""
            INSERT INTO referrals (id, workspace_id, code, referrer_id, friend_id, status, flags, order_id, payment_fingerprint, rejection_reason,
              recorded_by, reviewed_by, created_at, updated_at, rewarded_at, check_after)
            VALUES (\(bind: referral.id), \(bind: referral.workspaceID), \(bind: referral.code), \(bind: referral.referrerID), \(bind: referral.friendID),
              \(bind: referral.status.rawValue), \(bind: Self.flags(referral.flags)), \(bind: referral.orderID), \(bind: referral.paymentFingerprint),
              \(bind: referral.rejectionReason), \(bind: referral.recordedBy), \(bind: referral.reviewedBy), \(bind: Timestamp.microseconds(referral.createdAt)),
              \(bind: Timestamp.microseconds(referral.updatedAt)), \(bind: referral.rewardedAt.map(Timestamp.microseconds)),
              \(bind: Timestamp.microseconds(referral.checkAfter ?? referral.createdAt)))
            ON CONFLICT (workspace_id, friend_id) DO NOTHING RETURNING id
            """).first() != nil
    }

    func update(_ referral: Referral) async throws {
        try await handle.sql.raw("""
            UPDATE referrals SET status = \(bind: referral.status.rawValue), flags = \(bind: Self.flags(referral.flags)), order_id = \(bind: referral.orderID),
              rejection_reason = \(bind: referral.rejectionReason), reviewed_by = \(bind: referral.reviewedBy),
              updated_at = \(bind: Timestamp.microseconds(referral.updatedAt)), rewarded_at = \(bind: referral.rewardedAt.map(Timestamp.microseconds)),
              check_after = \(bind: Timestamp.microseconds(referral.checkAfter ?? referral.updatedAt))
            WHERE id = \(bind: referral.id) AND workspace_id = \(bind: referral.workspaceID)
            """).run()
    }

    func find(id: String, workspaceID: String) async throws -> Referral? {
        try await handle.sql.raw("""
            SELECT * FROM referrals r WHERE r.id = \(bind: id) AND r.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "r", in: handle))
            """).first().flatMap(decode)
    }

    func uses(code: String, workspaceID: String) async throws -> Int {
        try await count("SELECT COUNT(*) AS found FROM referrals WHERE workspace_id = \(bind: workspaceID) AND code = \(bind: code)")
    }

    func rewarded(referrerID: String, workspaceID: String) async throws -> Int {
        try await count("""
            SELECT COUNT(*) AS found FROM referrals WHERE referrer_id = \(bind: referrerID) AND workspace_id = \(bind: workspaceID)
              AND status = \(bind: ReferralStatus.rewarded.rawValue)
            """)
    }

    func fingerprints(referrerID: String, workspaceID: String, excluding referralID: String?) async throws -> Set<String> {
        Set(try await handle.sql.raw("""
            SELECT payment_fingerprint FROM referrals WHERE referrer_id = \(bind: referrerID) AND workspace_id = \(bind: workspaceID)
              AND payment_fingerprint IS NOT NULL AND id <> \(bind: referralID ?? "")
            """).all().map { try $0.string("payment_fingerprint") })
    }

    func rewarded(orderID: String, workspaceID: String) async throws -> Referral? {
        try await handle.sql.raw("""
            SELECT * FROM referrals r WHERE r.workspace_id = \(bind: workspaceID) AND r.order_id = \(bind: orderID)
              AND r.status = \(bind: ReferralStatus.rewarded.rawValue) LIMIT 1\(unsafeRaw: handle.dialect.lockForUpdate(of: "r", in: handle))
            """).first().flatMap(decode)
    }

    func list(workspaceID: String, status: ReferralStatus?, referrerID: String?, page: PageRequest) async throws -> Page<Referral> {
        var query: SQLQueryString = "SELECT * FROM referrals r WHERE r.workspace_id = \(bind: workspaceID)"
        if let status { query += " AND r.status = \(bind: status.rawValue)" }
        if let referrerID { query += " AND r.referrer_id = \(bind: referrerID)" }
        if let cursor = page.startingAfter { query += " AND r.id < \(bind: cursor)" }
        query += " ORDER BY r.id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func pending(at now: Date, limit: Int) async throws -> [Referral] {
        try await handle.sql.raw("""
            SELECT * FROM referrals WHERE status = \(bind: ReferralStatus.pending.rawValue) AND check_after <= \(bind: Timestamp.microseconds(now))
            ORDER BY check_after, id LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func referredCustomers(workspaceID: String, from: Date, to: Date) async throws -> Int {
        try await count("""
            SELECT COUNT(*) AS found FROM referrals r JOIN customers c ON c.id = r.friend_id
            WHERE r.workspace_id = \(bind: workspaceID) AND r.status IN (\(bind: ReferralStatus.pending.rawValue), \(bind: ReferralStatus.rewarded.rawValue))
              AND c.merged_into_id IS NULL AND c.deleted_at IS NULL
              AND c.created_at >= \(bind: Timestamp.microseconds(from)) AND c.created_at < \(bind: Timestamp.microseconds(to))
            """)
    }

    func customersCreated(workspaceID: String, from: Date, to: Date) async throws -> Int {
        try await count("""
            SELECT COUNT(*) AS found FROM customers WHERE workspace_id = \(bind: workspaceID) AND merged_into_id IS NULL AND deleted_at IS NULL
              AND created_at >= \(bind: Timestamp.microseconds(from)) AND created_at < \(bind: Timestamp.microseconds(to))
            """)
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        Int(try await handle.sql.raw(query).first()?.int("found") ?? 0)
    }

    private static func flags(_ flags: [ReferralFlag]) -> String {
        flags.map(\.rawValue).joined(separator: ",")
    }

    /// A referral in a status this build does not know is left out; flags it does not know are dropped.
    private func decode(_ row: any SQLRow) throws -> Referral? {
        guard let status = ReferralStatus(rawValue: try row.string("status")) else { return nil }
        return Referral(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), code: try row.string("code"),
            referrerID: try row.string("referrer_id"), friendID: try row.string("friend_id"), status: status,
            flags: try row.string("flags").split(separator: ",").compactMap { ReferralFlag(rawValue: String($0)) },
            orderID: try row.optionalString("order_id"), paymentFingerprint: try row.optionalString("payment_fingerprint"),
            rejectionReason: try row.optionalString("rejection_reason"), recordedBy: try row.string("recorded_by"),
            reviewedBy: try row.optionalString("reviewed_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            rewardedAt: try row.optionalDate("rewarded_at"), checkAfter: try row.optionalDate("check_after"))
    }
}
