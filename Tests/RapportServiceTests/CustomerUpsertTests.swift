import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Upsert by identity")
struct CustomerUpsertTests {
    @Test("a second upsert naming the same identity updates the first customer", arguments: TestDatabase.available)
    func upsertUpdatesExisting(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let first = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "Anna@Example.com")], firstName: "Anna"), as: .operator(workspaceID: services.workspaceID))
            let second = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: " anna@example.COM ")], lastName: "Berg",
                              tags: ["VIP"]), as: .operator(workspaceID: services.workspaceID))
            #expect(first.created)
            #expect(!second.created)
            #expect(second.customer.id == first.customer.id)
            #expect(second.customer.profile.firstName == "Anna")
            #expect(second.customer.profile.lastName == "Berg")
            #expect(second.customer.profile.tags == ["vip"])
            let stored = try await services.customers.view(id: first.customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(stored.customer.identities.map(\.value) == ["anna@example.com"])
            #expect(stored.customer.profile.lastName == "Berg")
        }
    }

    @Test("phone numbers written differently resolve to one customer", arguments: TestDatabase.available)
    func phoneFormsMatch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let national = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "0151 1234 5678")]), as: .operator(workspaceID: services.workspaceID))
            let international = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+49 (151) 1234-5678")]), as: .operator(workspaceID: services.workspaceID))
            let trunkDialled = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "0049 151 12345678")]), as: .operator(workspaceID: services.workspaceID))
            #expect(national.customer.identities.first?.value == "+4915112345678")
            #expect(international.customer.id == national.customer.id)
            #expect(trunkDialled.customer.id == national.customer.id)
        }
    }

    @Test("an invalid item in a batch writes nothing and names the item", arguments: TestDatabase.available)
    func invalidBatchWritesNothing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let inputs = [
                CustomerInput(identities: [IdentityInput(kind: "email", value: "ok@example.com")]),
                CustomerInput(identities: [IdentityInput(kind: "fax", value: "123")]),
                CustomerInput(identities: [IdentityInput(kind: "phone", value: "12ab")]),
            ]
            let error = await #expect(throws: RapportError.self) {
                try await services.customers.upsertMany(inputs, as: .operator(workspaceID: services.workspaceID))
            }
            guard case .invalid(let fields) = error else {
                Issue.record("expected a validation error, got \(String(describing: error))")
                return
            }
            #expect(fields.map(\.field) == ["[1].identities[0].kind", "[2].identities[0].value"])
            let page = try await services.customers.list(query: nil, page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(page.items.isEmpty)
            let events = try await store.read { try await $0.events.events(after: 0, limit: 10) }
            #expect(events.isEmpty)
        }
    }

    @Test("a batch that names one new customer twice creates it once", arguments: TestDatabase.available)
    func batchDeduplicates(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let outcomes = try await services.customers.upsertMany([
                CustomerInput(identities: [IdentityInput(kind: "email", value: "a@example.com")], firstName: "A"),
                CustomerInput(identities: [IdentityInput(kind: "email", value: "A@example.com"),
                                           IdentityInput(kind: "phone", value: "+4930123456")], lastName: "B"),
            ], as: .operator(workspaceID: services.workspaceID))
            #expect(outcomes[0].customer.id == outcomes[1].customer.id)
            let view = try await services.customers.view(id: outcomes[0].customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(Set(view.customer.identities.map(\.value)) == ["a@example.com", "+4930123456"])
            #expect(view.customer.profile.firstName == "A")
            #expect(view.customer.profile.lastName == "B")
        }
    }

    @Test("every change appends its event in the same transaction", arguments: TestDatabase.available)
    func eventsAreAppended(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let outcome = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "e@example.com")]), as: .operator(workspaceID: services.workspaceID))
            _ = try await services.customers.addIdentity(
                id: outcome.customer.id, IdentityInput(kind: "phone", value: "+4930111222"), as: .operator(workspaceID: services.workspaceID))
            _ = try await services.customers.patch(
                id: outcome.customer.id, CustomerPatch(firstName: .some("Eva")), as: .operator(workspaceID: services.workspaceID))
            _ = try await services.timeline.record(InteractionInput(channel: "web", direction: "inbound", kind: "page_view"), customerID: outcome.customer.id, as: .operator(workspaceID: services.workspaceID))
            let events = try await store.read { try await $0.events.events(after: 0, limit: 10) }
            #expect(events.map(\.event.type) == [
                .customerCreated, .customerIdentityAdded, .customerUpdated, .interactionRecorded,
            ])
            #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
            #expect(events[0].event.payload.contains("\"id\":\"\(outcome.customer.id)\""))
        }
    }

    @Test("an identity held by another customer cannot be added by hand", arguments: TestDatabase.available)
    func addIdentityConflict(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let anna = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "anna@example.com")]), as: .operator(workspaceID: services.workspaceID))
            let ben = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "ben@example.com")]), as: .operator(workspaceID: services.workspaceID))
            await #expect(throws: RapportError.self) {
                try await services.customers.addIdentity(
                    id: ben.customer.id, IdentityInput(kind: "email", value: "ANNA@example.com"),
                    as: .operator(workspaceID: services.workspaceID))
            }
            let view = try await services.customers.view(id: anna.customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(view.customer.identities.map(\.value) == ["anna@example.com"])
        }
    }
}

@Suite("Concurrent upserts")
struct ConcurrentUpsertTests {
    @Test("upserts racing on one new identity make one customer and all succeed", arguments: TestDatabase.available)
    func race(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let outcomes = try await withThrowingTaskGroup(of: UpsertOutcome.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "race@example.com")],
                                          tags: ["t\(index)"]), as: .operator(workspaceID: services.workspaceID))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 16)
            #expect(Set(outcomes.map(\.customer.id)).count == 1)
            #expect(outcomes.filter(\.created).count == 1)
            let view = try await services.customers.view(id: outcomes[0].customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(view.customer.profile.tags.count == 16, "every request's tag landed on the one customer")
        }
    }
}
