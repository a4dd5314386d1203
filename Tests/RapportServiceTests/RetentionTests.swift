import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Retention")
struct RetentionTests {
    @Test("a round removes what ran out: expired sessions, old anonymous calls, events every subscriber has read; inactive customers only when asked", arguments: TestDatabase.available)
    func round(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let actor = Actor.operator(workspaceID: workspaceID)
            let known = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "kept@example.org")]), as: actor).customer
            _ = try await services.tracking.ingest([
                TrackingMessage(type: .page, messageID: "anon-1", anonymousID: "visitor-never-known", name: "Home"),
                TrackingMessage(type: .page, messageID: "known-1", userID: "u-1", name: "Home"),
            ], workspaceID: workspaceID, provenance: .proven)
            _ = try await services.users.create(email: "agent@shop.test", name: nil, role: .agent, password: "correct horse battery", as: actor)
            _ = try await services.users.signIn(email: "agent@shop.test", password: "correct horse battery")
            // Every subscriber was sent every event so far: the dispatcher's cursor is past them
            // (set here, not by dispatching: on PostgreSQL it reads only events no other
            // transaction of the cluster could still precede, and other tests run beside this one).
            try await store.execute("""
                INSERT INTO event_cursors (name, position) VALUES ('webhooks', (SELECT MAX(sequence) FROM domain_events))
                ON CONFLICT (name) DO UPDATE SET position = excluded.position
                """)
            func count(_ table: String) async throws -> String? {
                try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM \(table)").first?.first ?? nil
            }
            let eventsBefore = try #require(Int(try await count("domain_events") ?? ""))
            #expect(eventsBefore > 0)

            // A month on: the session expired 30 days after it began, nothing else ran out.
            services.clock.advance(by: 31 * 86_400)
            var report = try await services.retention.run(RetentionPolicy(sessions: 1))
            #expect(report.sessions == 1 && report.anonymousTracking == 0 && report.events == 0)

            // Half a year on: the never-identified visitor's call and the old events go; the known customer's call stays.
            services.clock.advance(by: 170 * 86_400)
            report = try await services.retention.run(RetentionPolicy())
            #expect(report.anonymousTracking == 1 && report.erasedCustomers == 0)
            // Compacted: the events the dispatcher read past, and none it has not.
            let position = try await store.texts("SELECT CAST(position AS TEXT) FROM event_cursors WHERE name = 'webhooks'").first?.first ?? nil
            let cursor = try #require(position.flatMap { Int($0) })
            let remaining = try await count("domain_events").flatMap { Int($0) }
            #expect(report.events > 0 && remaining == eventsBefore - report.events)
            #expect(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM domain_events WHERE sequence <= \(cursor)") == [["0"]])
            #expect(try await count("tracked_events") == "1")
            #expect(try await services.customers.view(id: known.id, as: actor).customer.id == known.id)

            // Inactive customers are erased only when the store sets a period.
            report = try await services.retention.run(RetentionPolicy(inactiveCustomers: 180))
            #expect(report.erasedCustomers == 2, "the e-mail customer and the app user, both quiet for 200 days")
            await #expect(throws: RapportError.self) { try await services.customers.view(id: known.id, as: actor) }
            let erased = try await services.audit.entries(filter: AuditFilter(action: "customer.erased"), page: try PageRequest(), as: actor)
            #expect(erased.items.allSatisfy { $0.actor == "system:retention" } && erased.items.count == 2)
        }
    }

    @Test("the environment sets each period; a bad value is refused, naming it")
    func environment() throws {
        let policy = try RetentionPolicy.from(environment: ["RAPPORT_RETENTION_EVENTS_DAYS": "30", "RAPPORT_RETENTION_INACTIVE_CUSTOMERS_DAYS": "1095"])
        #expect(policy.events == 30 && policy.inactiveCustomers == 1095 && policy.sessions == 30)
        #expect(try RetentionPolicy.from(environment: [:]).inactiveCustomers == nil)
        #expect(throws: RapportError.invalid(field: "RAPPORT_RETENTION_SESSIONS_DAYS", "must be a whole number of days, at least 1")) {
            try RetentionPolicy.from(environment: ["RAPPORT_RETENTION_SESSIONS_DAYS": "0"])
        }
    }
}
