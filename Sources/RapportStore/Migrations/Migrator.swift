import Foundation
import RapportCore
import SQLKit

/// Applies the numbered migrations that are not yet recorded in `schema_migrations`, each in
/// its own transaction, so a crash leaves the schema at a whole version.
struct Migrator: Sendable {
    static let all: [Migration] = [.foundation, .commerce, .inbox, .users, .dashboard, .userAccess, .bot, .insights, .rfmUpkeep, .identityProvenance, .orderSourceVersion, .signInDevices, .inboundNonces, .idempotencyClaims, .settledEvents, .eventPayloadVersions, .consents, .privacyAndAudit, .contactPreferences, .consentGate, .signUps, .segments, .segmentDrivers, .segmentUpkeep, .eventNamesByCustomer, .campaigns, .campaignEngagement, .softBounces, .campaignExperiments, .campaignSendTimes, .campaignSendIndexes, .campaignEarlyReports, .journeys, .journeySends, .tasks, .loyalty, .reviews, .surveys, .referrals, .reviewModeration, .loyaltyRewards, .enrolmentOrders, .reviewPhotos, .productModels, .forms, .surveyCommentPrompts, .loyaltyExpiryNotices, .loyaltyTierStates, .surveyLanguages, .sales, .calendar, .leads, .alerts, .salesDashboard, .leadScoring]

    static var latestVersion: Int { all.map(\.version).max() ?? 0 }

    let engine: any SQLEngine

    /// Applies what is pending; returns the versions applied now.
    @discardableResult
    func migrate() async throws -> [Int] {
        try await engine.withTransaction { handle in
            try await handle.sql.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        var applied: [Int] = []
        for migration in Self.all.sorted(by: { $0.version < $1.version }) {
            let didApply = try await engine.withTransaction { handle in
                if handle.dialect.kind == .postgresql {
                    // Two servers starting together: the second waits here, then sees the version applied.
                    try await handle.sql.raw("SELECT pg_advisory_xact_lock(7261707)").run()
                }
                let existing = try await handle.sql.raw(
                    "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).first()
                guard existing == nil else { return false }
                for statement in migration.statements(handle.dialect) {
                    try await handle.sql.raw(SQLQueryString(statement)).run()
                }
                try await handle.sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.microseconds(Date())))"
                ).run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    func currentVersion() async throws -> Int {
        try await engine.withReadConnection { handle in
            try await handle.sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
                .flatMap { try $0.decode(column: "version", as: Int?.self) } ?? 0
        }
    }
}
