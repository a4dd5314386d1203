import RapportCore
import SQLKit

/// What identifies one person across the tables: their records' ids, the values of their
/// identities, their conversations and the addresses those ran on.
struct PersonalDataScope: Sendable {
    var dialect: EngineDialect
    var workspaceID: String
    var ids: [String]
    var anonymousIDs: [String]
    /// Their `userId`s of the tracking API.
    var appUserIDs: [String]
    var conversationIDs: [String]
    /// Their conversations' messages (what `message.send` jobs name).
    var messageIDs: [String]
    /// The wording their consent history and their sign-ups reference.
    var textHashes: [String]
    /// Their addresses and identity values alone (what providers' error texts name).
    var addresses: [String]
    /// What text elsewhere (event payloads, cached answers) names them by: ids, identity
    /// values, conversation ids and addresses. Values shorter than four characters are left
    /// out: they would match unrelated text.
    var tokens: [String]

    static func load(customerIDs ids: [String], workspaceID: String, on handle: SQLConnectionHandle) async throws -> PersonalDataScope {
        let identities = try await handle.sql.raw("""
            SELECT kind, value, source FROM customer_identities WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids))
            """).all()
        var anonymous: [String] = []
        var appUsers: [String] = []
        var values: [String] = []
        for row in identities {
            let kind = try row.string("kind")
            let value = try row.string("value")
            values.append(value)
            if kind == IdentityKind.anonymous.rawValue { anonymous.append(value) }
            if kind == IdentityKind.external.rawValue, try row.optionalString("source") == TrackingService.source { appUsers.append(value) }
        }
        let conversations = try await handle.sql.raw("""
            SELECT id, contact FROM conversations WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids))
            """).all()
        let conversationIDs = try conversations.map { try $0.string("id") }
        let contacts = try conversations.map { try $0.string("contact") }
        let messageIDs = conversationIDs.isEmpty ? [] : try await handle.sql.raw("""
            SELECT id FROM messages WHERE conversation_id IN (\(binds: conversationIDs))
            """).all().map { try $0.string("id") }
        let entryTexts = try await handle.sql.raw("""
            SELECT DISTINCT text_hash FROM consent_entries
            WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids)) AND text_hash IS NOT NULL
            """).all().map { try $0.string("text_hash") }
        let signUpTexts = try await handle.sql.raw("""
            SELECT DISTINCT text_hash FROM sign_ups
            WHERE workspace_id = \(bind: workspaceID) AND text_hash IS NOT NULL
              AND (customer_id IN (\(binds: ids)) OR address IN (\(binds: values.orNone)))
            """).all().map { try $0.string("text_hash") }
        let textHashes = Array(Set(entryTexts + signUpTexts)).sorted()
        var seen = Set<String>()
        let tokens = (ids + values + conversationIDs + contacts).filter { $0.count >= 4 && seen.insert($0).inserted }
        var seenAddresses = Set<String>()
        let addresses = (values + contacts).filter { $0.count >= 6 && seenAddresses.insert($0).inserted }
        return PersonalDataScope(
            dialect: handle.dialect, workspaceID: workspaceID, ids: ids, anonymousIDs: anonymous, appUserIDs: appUsers,
            conversationIDs: conversationIDs, messageIDs: messageIDs, textHashes: textHashes, addresses: addresses, tokens: tokens)
    }
}
