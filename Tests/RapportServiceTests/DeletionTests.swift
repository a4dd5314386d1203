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
            let customer = try await services.customers.upsert(input, as: .operator(workspaceID: services.workspaceID)).customer
            try await services.customers.delete(id: customer.id, as: .operator(workspaceID: services.workspaceID))

            await #expect(throws: RapportError.self) {
                try await services.customers.view(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            let listed = try await services.customers.list(query: nil, page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(listed.items.isEmpty)
            services.clock.advance(by: 29 * 24 * 3600)
            let restored = try await services.customers.restore(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(restored.deletedAt == nil)
            #expect(restored.profile.firstName == "Gone")
            #expect(restored.identities.map(\.value) == ["gone@example.com"])
        }
    }

    @Test("a deleted customer who comes back (an order, a tracking batch) lands on a live customer linked to the deleted one; nothing is refused", arguments: TestDatabase.available)
    func returningCustomer(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let email = IdentityInput(kind: "email", value: "back@example.com")
            let old = try await services.customers.upsert(CustomerInput(identities: [email], firstName: "Old"), as: .operator(workspaceID: workspaceID)).customer
            try await services.customers.delete(id: old.id, as: .operator(workspaceID: workspaceID))

            let placed = try await services.commerce.upsertOrders([OrderInput(customer: CustomerInput(identities: [email]), number: "R-1", source: "shopify", currency: "EUR",
                            lines: [OrderLineInput(title: "Mug", quantity: 1, unitPrice: 1200)])], as: .operator(workspaceID: workspaceID))
            let returned = placed[0].order.customerID
            #expect(returned != old.id)
            #expect(try await services.customers.customerID(for: email, as: .operator(workspaceID: workspaceID)) == returned)
            let suggestions = try await services.customers.mergeSuggestions(page: try PageRequest(), as: .operator(workspaceID: workspaceID))
            #expect(suggestions.items.contains { $0.customerID == returned && $0.candidateID == old.id })

            // Another deleted customer's id in a tracking batch does not refuse the batch.
            let visitor = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "external", value: "u-9", source: "app")]), as: .operator(workspaceID: workspaceID)).customer
            try await services.customers.delete(id: visitor.id, as: .operator(workspaceID: workspaceID))
            let receipt = try await services.tracking.ingest([
                TrackingMessage(type: .track, messageID: "t1", userID: "u-9", event: "Product Viewed"),
                TrackingMessage(type: .identify, messageID: "t2", userID: "u-9", properties: ["email": .string("new@example.com")]),
            ], workspaceID: workspaceID, provenance: .proven)
            #expect(receipt.stored == 2)
            let live = try #require(try await services.customers.customerID(for: IdentityInput(kind: "external", value: "u-9", source: "app"), as: .operator(workspaceID: workspaceID)))
            #expect(live != visitor.id)
        }
    }

    @Test("after 30 days a deleted customer is purged for good", arguments: TestDatabase.available)
    func purge(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let customer = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "old@example.com")]), as: .operator(workspaceID: services.workspaceID)).customer
            _ = try await services.timeline.record(InteractionInput(channel: "web", direction: "inbound", kind: "page_view"), customerID: customer.id, as: .operator(workspaceID: services.workspaceID))
            try await services.customers.delete(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            services.clock.advance(by: 31 * 24 * 3600)
            await #expect(throws: RapportError.self) {
                try await services.customers.restore(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            #expect(try await services.customers.purgeExpiredDeletions() == 1)
            let again = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "old@example.com")]), as: .operator(workspaceID: services.workspaceID))
            #expect(again.created, "the identity is free once the old record is purged")
        }
    }
}
