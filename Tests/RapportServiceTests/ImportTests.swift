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
                rows.map { ImportRow(line: $0.line, input: ImportedCustomer(customer: $0.input)) }, as: .system("import", workspaceID: services.workspaceID))
            #expect(summary.rejected.map(\.line).sorted() == [3])
            #expect(summary.created == 2 && summary.updated == 1)
            let counts = try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID))
            #expect(counts.customers == 2)
            #expect(counts.identities == 3)
        }
    }

    @Test("consent columns are recorded with the file's source, time, address and wording; a bad answer rejects its row alone", arguments: TestDatabase.available)
    func consentColumns(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let csv = """
                Email,First Name,Accepts Email Marketing,Accepts SMS Marketing,Phone,consent:surveys:email,Consent Source,Consent Date,Consent IP,Consent Text
                ana@example.com,Ana,yes,no,+49 151 1111111,granted,form,2025-03-01T10:00:00Z,203.0.113.5,Newsletter box at checkout
                ben@example.com,Ben,unsubscribed,,,,,,,
                cai@example.com,Cai,maybe,,,,,,,
                dee@example.com,Dee,yes,,,,guessed,,,
                eve@example.com,Eve,pending,,,,,,,
                """
            let records = CSVReader.records(csv)
            let columns = CSVColumns(header: records[0].fields, mapping: [:], aliases: CSVColumns.customerAliases)
            #expect(columns.unused.isEmpty, "every column is understood: \(columns.unused)")
            let (rows, unreadable) = CSVImportRows.customers(Array(records.dropFirst()), columns: columns, source: "shopify")
            #expect(unreadable.map(\.line) == [4, 5], "Cai's answer and Dee's source are not ones Rapport knows")
            #expect(unreadable.first?.reason.contains("'maybe'") == true)
            let summary = try await ImportService(commerce: services.commerce).importCustomers(rows, as: .system("import", workspaceID: services.workspaceID))
            #expect(summary.created == 3 && summary.rejected.isEmpty)

            func states(_ email: String) async throws -> [ConsentState] {
                let key = IdentityKey(kind: .email, namespace: "", value: email)
                let owner = try await services.store.read { session in
                    try await session.customers.owners(of: [key], workspaceID: services.workspaceID)[key]
                }
                return try await services.consents.consents(customerID: try #require(owner).customerID, as: actor)
            }
            let ana = try await states("ana@example.com")
            #expect(ana.map { "\($0.purpose.rawValue):\($0.channel.rawValue):\($0.status.rawValue)" }.sorted()
                == ["marketing:email:granted", "marketing:sms:denied", "surveys:email:granted"])
            let email = try #require(ana.first { $0.purpose.rawValue == "marketing" && $0.channel == .email }).current
            #expect(email.evidence.source == .form, "the file's source column")
            #expect(email.evidence.actor == "system:import")
            #expect(email.evidence.occurredAt == Timestamp.parse("2025-03-01T10:00:00Z"))
            #expect(email.evidence.ipAddress == "203.0.113.5")
            #expect(try await services.consents.text(hash: try #require(email.evidence.textHash), as: actor) == "Newsletter box at checkout")
            let ben = try await states("ben@example.com")
            #expect(ben.count == 1 && ben[0].status == .withdrawn && ben[0].current.evidence.source == .import, "no source column value: import")
            #expect(try await states("eve@example.com").isEmpty, "pending is no answer")

            // The same file again adds nothing to the history.
            _ = try await ImportService(commerce: services.commerce).importCustomers(rows, as: .system("import", workspaceID: services.workspaceID))
            #expect(try await states("ana@example.com").allSatisfy { $0.history.count == 1 })
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
