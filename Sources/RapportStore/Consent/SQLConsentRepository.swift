import Foundation
import RapportCore
import SQLKit

struct SQLConsentRepository: ConsentRepository {
    let handle: SQLConnectionHandle

    private static let columns = [
        "id", "workspace_id", "customer_id", "purpose", "channel", "status", "expires_at", "source", "actor", "ip_address",
        "user_agent", "text_hash", "occurred_at", "recorded_at", "signed_up_at", "sign_up_ip_address", "sign_up_user_agent",
    ]

    func append(_ entry: ConsentEntry) async throws {
        let evidence = entry.evidence
        let row: [SQLCell] = [
            .text(entry.id), .text(entry.workspaceID), .text(entry.customerID), .text(entry.purpose.rawValue), .text(entry.channel.rawValue),
            .text(entry.status.rawValue), .integer(entry.expiresAt.map(Timestamp.microseconds)), .text(evidence.source.rawValue),
            .text(evidence.actor), .text(evidence.ipAddress), .text(evidence.userAgent), .text(evidence.textHash),
            .integer(Timestamp.microseconds(evidence.occurredAt)), .integer(Timestamp.microseconds(entry.recordedAt)),
            .integer(evidence.signUp.map { Timestamp.microseconds($0.signedUpAt) }), .text(evidence.signUp?.ipAddress),
            .text(evidence.signUp?.userAgent),
        ]
        try await handle.dialect.bulkInsert(table: "consent_entries", columns: Self.columns, rows: [row], on: handle)
    }

    func history(customerID: String, workspaceID: String) async throws -> [ConsentEntry] {
        try await handle.sql.raw("""
            SELECT * FROM consent_entries WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).all().compactMap(decode)
    }

    func storeText(_ text: String, workspaceID: String, at date: Date) async throws -> String {
        let hash = SHA256SecretHasher().hash(text)
        try await handle.sql.raw("""
            INSERT INTO consent_texts (workspace_id, hash, text, created_at)
            VALUES (\(bind: workspaceID), \(bind: hash), \(bind: text), \(bind: Timestamp.microseconds(date)))
            ON CONFLICT (workspace_id, hash) DO NOTHING
            """).run()
        return hash
    }

    func text(hash: String, workspaceID: String) async throws -> String? {
        try await handle.sql.raw("""
            SELECT text FROM consent_texts WHERE workspace_id = \(bind: workspaceID) AND hash = \(bind: hash)
            """).first().map { try $0.string("text") }
    }

    /// A row whose purpose, channel, status or source this build does not know is left out
    /// rather than read wrongly.
    func decode(_ row: any SQLRow) throws -> ConsentEntry? {
        guard let channel = ConsentChannel(rawValue: try row.string("channel")), let status = ConsentStatus(rawValue: try row.string("status")),
            let source = ConsentSource(rawValue: try row.string("source"))
        else { return nil }
        return ConsentEntry(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"),
            purpose: ConsentPurpose(rawValue: try row.string("purpose")), channel: channel, status: status,
            expiresAt: try row.optionalDate("expires_at"),
            evidence: ConsentEvidence(
                source: source, actor: try row.string("actor"), ipAddress: try row.optionalString("ip_address"),
                userAgent: try row.optionalString("user_agent"), textHash: try row.optionalString("text_hash"),
                occurredAt: try row.date("occurred_at"),
                signUp: try row.optionalDate("signed_up_at").map { signedUpAt in
                    SignUpEvidence(
                        signedUpAt: signedUpAt, ipAddress: try row.optionalString("sign_up_ip_address"),
                        userAgent: try row.optionalString("sign_up_user_agent"))
                }),
            recordedAt: try row.date("recorded_at"))
    }
}
