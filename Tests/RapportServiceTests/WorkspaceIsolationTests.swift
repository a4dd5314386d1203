import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Workspaces")
struct WorkspaceIsolationTests {
    @Test("nothing crosses from one workspace to another", arguments: TestDatabase.available)
    func isolation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let other = try await services.workspaces.create(name: "Second shop").id
            let input = CustomerInput(identities: [IdentityInput(kind: "email", value: "same@example.com")], firstName: "Sam")
            let mine = try await services.customers.upsert(input, as: .operator(workspaceID: services.workspaceID))
            let theirs = try await services.customers.upsert(input, as: .operator(workspaceID: other))
            #expect(mine.created && theirs.created, "the same e-mail is a different customer in each workspace")
            #expect(mine.customer.id != theirs.customer.id)

            await #expect(throws: RapportError.self) {
                try await services.customers.view(id: theirs.customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            await #expect(throws: RapportError.self) {
                try await services.customers.patch(
                    id: theirs.customer.id, CustomerPatch(firstName: .some("X")), as: .operator(workspaceID: services.workspaceID))
            }
            await #expect(throws: RapportError.self) {
                try await services.customers.merge(
                    into: mine.customer.id, from: theirs.customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            let listed = try await services.customers.list(query: nil, page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(listed.items.map(\.id) == [mine.customer.id])
            let found = try await services.customers.list(query: "sam", page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(found.items.map(\.id) == [mine.customer.id])
            let untouched = try await services.customers.view(id: theirs.customer.id, as: .operator(workspaceID: other))
            #expect(untouched.customer.profile.firstName == "Sam")
        }
    }
}
