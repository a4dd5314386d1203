import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Merging and unmerging")
struct MergeTests {
    /// Two customers, one known by e-mail with a touchpoint, one known by phone.
    private func twoCustomers(_ services: Services) async throws -> (email: Customer, phone: Customer) {
        let byEmail = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "kim@example.com")], firstName: "Kim",
                          tags: ["newsletter"], attributes: ["shoe_size": .number(42)]), as: .operator(workspaceID: services.workspaceID))
        services.clock.advance(by: 60)
        let byPhone = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4917012345678")], firstName: "Kimberly",
                          lastName: "Lee", tags: ["phone-order"]), as: .operator(workspaceID: services.workspaceID))
        _ = try await services.timeline.record(InteractionInput(channel: "phone", direction: "inbound", kind: "call", summary: "asked about delivery"), customerID: byPhone.customer.id, as: .operator(workspaceID: services.workspaceID))
        return (byEmail.customer, byPhone.customer)
    }

    @Test("an upsert naming an e-mail and a phone of two customers merges them", arguments: TestDatabase.available)
    func autoMerge(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (email, phone) = try await twoCustomers(services)
            services.clock.advance(by: 60)
            let outcome = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "kim@example.com"),
                                           IdentityInput(kind: "phone", value: "+49 170 12345678")]), as: .operator(workspaceID: services.workspaceID))
            #expect(outcome.customer.id == email.id, "the older customer survives")
            #expect(outcome.mergeIDs.count == 1)
            #expect(Set(outcome.customer.identities.map(\.value)) == ["kim@example.com", "+4917012345678"])
            #expect(outcome.customer.profile.firstName == "Kimberly", "the more recently updated value wins")
            #expect(outcome.customer.profile.lastName == "Lee")
            #expect(outcome.customer.profile.tags == ["newsletter", "phone-order"])
            #expect(outcome.customer.profile.attributes["shoe_size"] == .number(42))

            let view = try await services.customers.view(id: email.id, as: .operator(workspaceID: services.workspaceID))
            #expect(view.interactionCount == 1, "the absorbed customer's timeline moves over")
            await #expect(throws: RapportError.mergedInto(email.id)) {
                try await services.customers.view(id: phone.id, as: .operator(workspaceID: services.workspaceID))
            }
            let merges = try await services.customers.merges(customerID: email.id, as: .operator(workspaceID: services.workspaceID))
            #expect(merges.map(\.mergedID) == [phone.id])
            #expect(merges.first?.reason.contains("phone +4917012345678") == true)
            let types = try await store.read { try await $0.events.events(after: 0, limit: 50) }.map(\.event.type)
            #expect(types.contains(.customerMerged))
        }
    }

    @Test("merging on a platform id only suggests", arguments: TestDatabase.available)
    func weakIdentitySuggests(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let web = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "lou@example.com")]), as: .operator(workspaceID: services.workspaceID))
            let messenger = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "messenger", value: "6543210987")]), as: .operator(workspaceID: services.workspaceID))
            let outcome = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "lou@example.com"),
                                           IdentityInput(kind: "messenger", value: "6543210987")]), as: .operator(workspaceID: services.workspaceID))
            #expect(outcome.mergeIDs.isEmpty)
            #expect(outcome.suggestionCount == 1)
            #expect(outcome.customer.id == web.customer.id)
            let suggestions = try await services.customers.mergeSuggestions(page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(suggestions.items.map(\.candidateID) == [messenger.customer.id])
            let stillThere = try await services.customers.view(id: messenger.customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(stillThere.customer.identities.map(\.kind) == [.messenger])
            // Accepting by hand merges and clears the suggestion.
            _ = try await services.customers.merge(
                into: web.customer.id, from: messenger.customer.id, as: .operator(workspaceID: services.workspaceID))
            let after = try await services.customers.mergeSuggestions(page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(after.items.isEmpty)
        }
    }

    @Test("unmerge restores both customers; what arrived since stays on the survivor", arguments: TestDatabase.available)
    func unmergeRestores(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (email, phone) = try await twoCustomers(services)
            let emailBefore = try await services.customers.view(id: email.id, as: .operator(workspaceID: services.workspaceID)).customer
            let phoneBefore = try await services.customers.view(id: phone.id, as: .operator(workspaceID: services.workspaceID)).customer
            services.clock.advance(by: 60)
            _ = try await services.customers.merge(
                into: email.id, from: phone.id, as: .operator(workspaceID: services.workspaceID))
            services.clock.advance(by: 60)
            _ = try await services.timeline.record(InteractionInput(channel: "email", direction: "outbound", kind: "email_sent"), customerID: email.id, as: .operator(workspaceID: services.workspaceID))
            _ = try await services.customers.addIdentity(
                id: email.id, IdentityInput(kind: "whatsapp", value: "4917099999999"), as: .operator(workspaceID: services.workspaceID))
            _ = try await services.customers.patch(
                id: email.id, CustomerPatch(lastName: .some("Lee-Park")), as: .operator(workspaceID: services.workspaceID))

            _ = try await services.customers.unmerge(
                customerID: email.id, mergeID: nil, as: .operator(workspaceID: services.workspaceID))

            let survivor = try await services.customers.view(id: email.id, as: .operator(workspaceID: services.workspaceID))
            let restored = try await services.customers.view(id: phone.id, as: .operator(workspaceID: services.workspaceID))
            #expect(restored.customer.profile == phoneBefore.profile)
            #expect(restored.customer.identities.map(\.id) == phoneBefore.identities.map(\.id))
            #expect(restored.interactionCount == 1)
            #expect(survivor.customer.profile.firstName == emailBefore.profile.firstName)
            #expect(survivor.customer.profile.tags == emailBefore.profile.tags)
            #expect(survivor.customer.profile.lastName == "Lee-Park", "a change made after the merge is kept")
            #expect(Set(survivor.customer.identities.map(\.kind)) == [.email, .whatsapp])
            #expect(survivor.interactionCount == 1)
            #expect(survivor.recentInteractions.map(\.kind.rawValue) == ["email_sent"])

            let merges = try await services.customers.merges(customerID: email.id, as: .operator(workspaceID: services.workspaceID))
            #expect(merges.first?.undoneAt != nil)
            await #expect(throws: RapportError.self) {
                try await services.customers.unmerge(
                    customerID: email.id, mergeID: nil, as: .operator(workspaceID: services.workspaceID))
            }
        }
    }

    @Test("merging a customer into itself or into a merged one is refused", arguments: TestDatabase.available)
    func badMerges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (email, phone) = try await twoCustomers(services)
            await #expect(throws: RapportError.self) {
                try await services.customers.merge(into: email.id, from: email.id, as: .operator(workspaceID: services.workspaceID))
            }
            _ = try await services.customers.merge(into: email.id, from: phone.id, as: .operator(workspaceID: services.workspaceID))
            await #expect(throws: RapportError.self) {
                try await services.customers.merge(into: phone.id, from: email.id, as: .operator(workspaceID: services.workspaceID))
            }
            await #expect(throws: RapportError.self) {
                try await services.customers.merge(into: email.id, from: phone.id, as: .operator(workspaceID: services.workspaceID))
            }
        }
    }
}
