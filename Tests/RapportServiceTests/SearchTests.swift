import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Search and lists")
struct SearchTests {
    private func seed(_ services: Services) async throws -> [String: String] {
        let people: [(String, String, String, String)] = [
            ("Zoë", "Müller", "zoe.mueller@shop.example", "+4915111111111"),
            ("Zoltan", "Nagy", "zoltan@example.org", "+36201234567"),
            ("Anna", "Zorn", "anna@zorn.example", "+4930765432"),
        ]
        var ids: [String: String] = [:]
        for (first, last, email, phone) in people {
            services.clock.advance(by: 1)
            let outcome = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: email), IdentityInput(kind: "phone", value: phone)],
                              firstName: first, lastName: last), as: .operator(workspaceID: services.workspaceID))
            ids[first] = outcome.customer.id
        }
        return ids
    }

    private func names(_ services: Services, _ query: String) async throws -> [String] {
        try await services.customers.list(query: query, page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            .items.compactMap(\.profile.firstName)
    }

    @Test("names, e-mails and phones are found by prefix, accents folded", arguments: TestDatabase.available)
    func findsByPrefix(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await seed(services)
            #expect(try await names(services, "zo") == ["Anna", "Zoltan", "Zoë"], "newest first")
            #expect(try await names(services, "zoe") == ["Zoë"])
            #expect(try await names(services, "MUELL") == ["Zoë"])
            #expect(try await names(services, "zoe mul") == ["Zoë"])
            #expect(try await names(services, "zoltan@example.org") == ["Zoltan"])
            #expect(try await names(services, "+49 151 111") == ["Zoë"])
            #expect(try await names(services, "+49 151 11111111") == ["Zoë"], "a whole number is an exact identity match")
            #expect(try await names(services, "ZOE.MUELLER@shop.example") == ["Zoë"], "a whole address too")
            #expect(try await names(services, "zoe.mue@shop") == ["Zoë"], "a partial address is searched by its words")
            #expect(try await names(services, "4930") == ["Anna"])
            #expect(try await names(services, "nobody") == [])
            #expect(try await names(services, "\"*) OR 1=1 --") == [])
        }
    }

    @Test("lists page with a cursor", arguments: TestDatabase.available)
    func pagination(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ids = try await seed(services)
            let first = try await services.customers.list(query: nil, page: try PageRequest(limit: 2), as: .operator(workspaceID: services.workspaceID))
            #expect(first.items.map(\.id) == [ids["Anna"], ids["Zoltan"]].compactMap { $0 })
            #expect(first.hasMore)
            let second = try await services.customers.list(
                query: nil, page: try PageRequest(limit: 2, startingAfter: first.items.last?.id), as: .operator(workspaceID: services.workspaceID))
            #expect(second.items.map(\.id) == [ids["Zoë"]].compactMap { $0 })
            #expect(!second.hasMore)
        }
    }
}
