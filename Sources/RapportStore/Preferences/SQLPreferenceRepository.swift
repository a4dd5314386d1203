import Foundation
import RapportCore
import SQLKit

struct SQLPreferenceRepository: PreferenceRepository {
    let handle: SQLConnectionHandle

    func preferences(customerID: String, workspaceID: String) async throws -> ContactPreferences? {
        try await handle.sql.raw("""
            SELECT * FROM contact_preferences WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).first().map { row in
            ContactPreferences(
                customerID: customerID, workspaceID: workspaceID,
                frequency: ContactFrequency(rawValue: try row.string("frequency")) ?? .any, pausedUntil: try row.optionalDate("paused_until"),
                updatedAt: try row.date("updated_at"))
        }
    }

    func save(_ preferences: ContactPreferences) async throws {
        try await handle.sql.raw("""
            INSERT INTO contact_preferences (customer_id, workspace_id, frequency, paused_until, updated_at)
            VALUES (\(bind: preferences.customerID), \(bind: preferences.workspaceID), \(bind: preferences.frequency.rawValue),
                    \(bind: preferences.pausedUntil.map(Timestamp.microseconds)), \(bind: Timestamp.microseconds(preferences.updatedAt)))
            ON CONFLICT (customer_id) DO UPDATE SET frequency = excluded.frequency, paused_until = excluded.paused_until,
              updated_at = excluded.updated_at
            """).run()
    }
}
