import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Imports")
struct ImportTests {
    @Test("bad rows are rejected with their line and reason; the others are written and resolved", arguments: TestDatabase.available)
    func rejectsAndResolves(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            // A deleted customer holds this e-mail: the row naming it makes a live customer of its own.
            let deleted = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "gone@example.com")]), as: .operator(workspaceID: services.workspaceID)).customer
            try await services.customers.delete(id: deleted.id, as: .operator(workspaceID: services.workspaceID))
            let rows = [
                ImportRow(line: 2, input: CustomerInput(identities: [IdentityInput(kind: "email", value: "a@example.com")], firstName: "A")),
                ImportRow(line: 3, input: CustomerInput(identities: [IdentityInput(kind: "email", value: "not an email")])),
                ImportRow(line: 4, input: CustomerInput(identities: [IdentityInput(kind: "email", value: "gone@example.com")])),
                ImportRow(line: 5, input: CustomerInput(identities: [IdentityInput(kind: "email", value: "A@example.com"),
                                                                     IdentityInput(kind: "phone", value: "+49 151 2345678")])),
            ]
            let summary = try await ImportService(commerce: services.commerce).importCustomers(
                rows, as: .system("import", workspaceID: services.workspaceID))
            #expect(summary.rejected.map(\.line).sorted() == [3])
            #expect(summary.created == 2 && summary.updated == 1)
            let counts = try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID))
            #expect(counts.customers == 2)
            #expect(counts.identities == 3)
        }
    }

    @Test("an imported CDNOW log makes one customer per id and one order per line", arguments: TestDatabase.available)
    func cdnowImport(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let text = (1...30).map { " \(String(format: "%05d", $0 % 9)) 199701\(String(format: "%02d", $0 % 28 + 1))  1   \($0).50" }
                .joined(separator: "\n")
            let (rows, rejected) = CDNOWFormat.orders(text)
            #expect(rejected.isEmpty)
            let summary = try await ImportService(commerce: services.commerce).importOrders(rows, as: .operator(workspaceID: services.workspaceID))
            #expect(summary.created == 30 && summary.rejected.isEmpty)
            let again = try await ImportService(commerce: services.commerce).importOrders(rows, as: .operator(workspaceID: services.workspaceID))
            #expect(again.created == 0 && again.updated == 30)
            let counts = try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID))
            #expect(counts.customers == 9 && counts.orders == 30)
        }
    }
}
