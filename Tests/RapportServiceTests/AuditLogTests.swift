import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The audit log is a hash chain: any stored entry altered, removed or inserted shows when it
/// is verified, naming the entry.
@Suite("Audit log")
struct AuditLogTests {
    static func chain(_ services: Services) async throws -> String {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        let customer = try await services.customers.upsert(
            CustomerInput(identities: [IdentityInput(kind: "email", value: "audited@example.org")]), as: actor).customer
        _ = try await services.customers.open(id: customer.id, as: actor)
        // A view's entry is written in a batch; write it now, before the changes that follow.
        try await services.context.audits.flush()
        _ = try await services.customers.patch(id: customer.id, CustomerPatch(firstName: .some("Ada")), as: actor)
        _ = try await services.customers.addTags(id: customer.id, ["vip"], as: actor)
        try await services.customers.delete(id: customer.id, as: actor)
        return customer.id
    }

    @Test("views and changes are chained in order, and an intact chain verifies", arguments: TestDatabase.available)
    func intact(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let id = try await Self.chain(services)
            let entries = try await services.audit.entries(filter: AuditFilter(subjectID: id), page: try PageRequest(), as: actor).items
            #expect(entries.map(\.action) == ["customer.deleted", "customer.updated", "customer.updated", "customer.viewed"])
            #expect(entries.map(\.position) == [4, 3, 2, 1])
            #expect(entries[1].details == ["changed": "tags"] && entries.allSatisfy { $0.actor == "operator" })
            #expect(entries[3].previousHash == AuditChain.genesisHash && entries[2].previousHash == entries[3].hash)
            let verification = try await services.audit.verify()
            #expect(verification.isIntact && verification.entries == 4)
            // An agent may not read it.
            let agent = Actor(workspaceID: services.workspaceID, role: .manager, userID: "usr_x", teamIDs: [], label: "user:usr_x")
            await #expect(throws: RapportError.self) { try await services.audit.entries(filter: AuditFilter(), page: try PageRequest(), as: agent) }
        }
    }

    @Test("an altered, removed or reordered entry breaks the chain at that entry", arguments: TestDatabase.available)
    func tampering(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.chain(services)
            let second = try #require(try await store.texts("SELECT id FROM audit_entries WHERE position = 2").first?.first ?? nil)

            try await store.execute("UPDATE audit_entries SET actor = 'user:usr_innocent' WHERE position = 2")
            var broken = try #require(try await services.audit.verify().firstBreak)
            #expect(broken.entryID == second && broken.position == 2 && broken.reason.contains("altered"))
            try await store.execute("UPDATE audit_entries SET actor = 'operator' WHERE position = 2")
            #expect(try await services.audit.verify().isIntact)

            try await store.execute("UPDATE audit_entries SET details = '{\"changed\":\"nothing\"}' WHERE position = 3")
            broken = try #require(try await services.audit.verify().firstBreak)
            #expect(broken.position == 3)
            try await store.execute("UPDATE audit_entries SET details = '{\"changed\":\"tags\"}' WHERE position = 3")

            // Pointing an entry at another customer: the chain covers the subject's digest.
            try await store.execute("UPDATE audit_entries SET subject_id = 'cus_01ANOTHERCUSTOMER000000000' WHERE position = 1")
            broken = try #require(try await services.audit.verify().firstBreak)
            #expect(broken.position == 1 && broken.reason.contains("subject id"))
            let original = try #require(try await store.texts("SELECT subject_id FROM audit_entries WHERE position = 2").first?.first ?? nil)
            try await store.execute("UPDATE audit_entries SET subject_id = '\(original)' WHERE position = 1")
            #expect(try await services.audit.verify().isIntact)

            // Removing the last entry: the head still names it.
            try await store.execute("DELETE FROM audit_entries WHERE position = 4")
            broken = try #require(try await services.audit.verify().firstBreak)
            #expect(broken.entryID == nil && broken.reason.contains("ends at position 3"))

            // Removing one in the middle.
            try await store.execute("DELETE FROM audit_entries WHERE position = 2")
            broken = try #require(try await services.audit.verify().firstBreak)
            #expect(broken.position == 3 && broken.reason.contains("expected position 2"))
        }
    }
}
