import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Soft deletion")
struct DeletionTests {
    @Test("a deleted customer is hidden, holds its identities, and can be restored", arguments: TestDatabase.available)
    func deleteAndRestore(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let input = CustomerInput(identities: [IdentityInput(kind: "email", value: "gone@example.com")], firstName: "Gone")
            let customer = try await services.customers.upsert(input, workspaceID: services.workspaceID, actor: "t").customer
            try await services.customers.delete(id: customer.id, as: .operator(workspaceID: services.workspaceID))

            await #expect(throws: RapportError.self) {
                try await services.customers.view(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            let listed = try await services.customers.list(query: nil, workspaceID: services.workspaceID, page: try PageRequest())
            #expect(listed.items.isEmpty)
            await #expect(throws: RapportError.self) {
                try await services.customers.upsert(input, workspaceID: services.workspaceID, actor: "t")
            }
            services.clock.advance(by: 29 * 24 * 3600)
            let restored = try await services.customers.restore(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(restored.deletedAt == nil)
            #expect(restored.profile.firstName == "Gone")
        }
    }

    @Test("after 30 days a deleted customer is purged for good", arguments: TestDatabase.available)
    func purge(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let customer = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "old@example.com")]),
                workspaceID: services.workspaceID, actor: "t").customer
            _ = try await services.timeline.record(
                InteractionInput(channel: "web", direction: "inbound", kind: "page_view"),
                customerID: customer.id, workspaceID: services.workspaceID)
            try await services.customers.delete(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            services.clock.advance(by: 31 * 24 * 3600)
            await #expect(throws: RapportError.self) {
                try await services.customers.restore(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            #expect(try await services.customers.purgeExpiredDeletions() == 1)
            let again = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "old@example.com")]),
                workspaceID: services.workspaceID, actor: "t")
            #expect(again.created, "the identity is free once the old record is purged")
        }
    }
}
