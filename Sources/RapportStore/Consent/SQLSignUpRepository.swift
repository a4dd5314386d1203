import Foundation
import RapportCore
import SQLKit

struct SQLSignUpRepository: SignUpRepository {
    let handle: SQLConnectionHandle

    func insert(_ signUp: SignUp) async throws {
        let purposes = String(decoding: try JSONEncoder().encode(signUp.purposes.map(\.rawValue)), as: UTF8.self)
        try await handle.sql.raw("""
            INSERT INTO sign_ups (id, workspace_id, address, purposes, text_hash, locale, inbox_id, requested_by, signed_up_at,
              sign_up_ip_address, sign_up_user_agent, expires_at, status)
            VALUES (\(bind: signUp.id), \(bind: signUp.workspaceID), \(bind: signUp.address), \(bind: purposes), \(bind: signUp.textHash),
              \(bind: signUp.locale), \(bind: signUp.inboxID), \(bind: signUp.requestedBy), \(bind: Timestamp.microseconds(signUp.request.signedUpAt)),
              \(bind: signUp.request.ipAddress), \(bind: signUp.request.userAgent), \(bind: Timestamp.microseconds(signUp.expiresAt)),
              \(bind: signUp.status.rawValue))
            """).run()
    }

    func signUp(id: String, workspaceID: String) async throws -> SignUp? {
        try await handle.sql.raw("SELECT * FROM sign_ups WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().map(decode)
    }

    func lock(address: String, workspaceID: String) async throws {
        try await handle.dialect.lock("sign_up:\(workspaceID):\(address)", on: handle)
    }

    func mailedCount(address: String, workspaceID: String, since date: Date) async throws -> Int {
        Int(try await handle.sql.raw("""
            SELECT COUNT(*) AS n FROM sign_ups WHERE workspace_id = \(bind: workspaceID) AND address = \(bind: address)
              AND signed_up_at >= \(bind: Timestamp.microseconds(date)) AND status <> \(bind: SignUpStatus.held.rawValue)
            """).first().map { try $0.int("n") } ?? 0)
    }

    func mailedCount(workspaceID: String, since date: Date) async throws -> Int {
        Int(try await handle.sql.raw("""
            SELECT COUNT(*) AS n FROM sign_ups WHERE workspace_id = \(bind: workspaceID)
              AND signed_up_at >= \(bind: Timestamp.microseconds(date)) AND status <> \(bind: SignUpStatus.held.rawValue)
            """).first().map { try $0.int("n") } ?? 0)
    }

    func markSent(id: String, at date: Date) async throws {
        try await handle.sql.raw("UPDATE sign_ups SET sent_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: id)").run()
    }

    func confirm(id: String, witness: ConsentWitness, at date: Date) async throws -> Bool {
        !(try await handle.sql.raw("""
            UPDATE sign_ups SET status = \(bind: SignUpStatus.confirmed.rawValue), confirmed_at = \(bind: Timestamp.microseconds(date)),
              confirmed_ip_address = \(bind: witness.ipAddress), confirmed_user_agent = \(bind: witness.userAgent)
            WHERE id = \(bind: id) AND status = \(bind: SignUpStatus.pending.rawValue) AND confirmed_at IS NULL RETURNING id
            """).all()).isEmpty
    }

    func setCustomer(id: String, customerID: String) async throws {
        try await handle.sql.raw("UPDATE sign_ups SET customer_id = \(bind: customerID) WHERE id = \(bind: id)").run()
    }

    func purgeUnconfirmed(expiredBefore date: Date) async throws -> Int {
        try await handle.sql.raw("""
            DELETE FROM sign_ups WHERE confirmed_at IS NULL AND expires_at < \(bind: Timestamp.microseconds(date)) RETURNING id
            """).all().count
    }

    private func decode(_ row: any SQLRow) throws -> SignUp {
        let purposes = (try? JSONDecoder().decode([String].self, from: Data(try row.string("purposes").utf8))) ?? []
        let confirmedAt = try row.optionalDate("confirmed_at")
        let confirmation = confirmedAt == nil ? nil : ConsentWitness(
            ipAddress: try row.optionalString("confirmed_ip_address"), userAgent: try row.optionalString("confirmed_user_agent"))
        return SignUp(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), address: try row.string("address"),
            purposes: purposes.map(ConsentPurpose.init(rawValue:)), textHash: try row.optionalString("text_hash"),
            locale: try row.optionalString("locale"), inboxID: try row.string("inbox_id"), requestedBy: try row.string("requested_by"),
            request: SignUpEvidence(
                signedUpAt: try row.date("signed_up_at"), ipAddress: try row.optionalString("sign_up_ip_address"),
                userAgent: try row.optionalString("sign_up_user_agent")),
            expiresAt: try row.date("expires_at"), status: SignUpStatus(rawValue: try row.string("status")) ?? .held,
            sentAt: try row.optionalDate("sent_at"),
            confirmation: confirmation, confirmedAt: confirmedAt, customerID: try row.optionalString("customer_id"))
    }
}
