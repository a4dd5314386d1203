import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Lead import")
struct LeadImportTests {
    /// A HubSpot-style export, with a row for each thing an import meets.
    static let hubSpot = """
        First Name,Last Name,Email,Phone Number,Company Name,Website,Job Title,Lead Title,UTM Campaign,Lifecycle Stage
        Lena,Nord,lena@cafe-nord.example,,Café Nord,https://www.cafe-nord.example,Owner,300 mugs with our logo,trade-fair-2026,lead
        Ben,,ben@cafe-nord.example,,Café Nord,cafe-nord.example,Barista,,trade-fair-2026,lead
        Nobody,,,,,,,,,
        Bad,Site,bad@site.example,,Bad Site,not a domain,,,,lead
        Long,Role,long@role.example,,,,\(String(repeating: "r", count: 101)),,,lead
        Lena,Nord,LENA@cafe-nord.example,,,,,Saucers too,,lead
        """

    static func rows(_ text: String) -> (rows: [ImportRow<LeadEnquiry>], rejected: [ImportRejection]) {
        let records = CSVReader.records(text)
        let columns = CSVColumns(header: records[0].fields, mapping: [:], aliases: CSVColumns.leadAliases)
        #expect(columns.unused == ["Lifecycle Stage"], "\(columns.unused)")
        return CSVImportRows.leads(Array(records.dropFirst()), columns: columns)
    }

    @Test("a CRM export: people found or made by e-mail, one company by its domain with each person's role, one open lead a person (a repeat row adds to it), bad rows rejected with line and reason; a second import opens nothing new", arguments: TestDatabase.available)
    func hubSpotExport(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let parsed = Self.rows(Self.hubSpot)
            #expect(parsed.rejected.map(\.line) == [4], "\(parsed.rejected)")
            let summary = try await services.leads.importLeads(parsed.rows, as: actor)
            #expect(summary.created == 2 && summary.updated == 1, "\(summary)")
            #expect(summary.rejected.map(\.line) == [5, 6], "\(summary.rejected)")
            #expect(summary.rejected.first?.reason.contains("domain") == true && summary.rejected.last?.reason.contains("role") == true)

            let leads = try await services.leads.list(page: try PageRequest(limit: 100), as: actor).items
            #expect(leads.count == 2 && leads.allSatisfy { $0.source == .import && $0.campaign == "trade-fair-2026" })
            let lena = try #require(leads.first { $0.title == "300 mugs with our logo" })
            #expect(lena.enquiries == 2, "the repeat row adds to Lena's lead")
            let companies = try await services.companies.list(page: try PageRequest(limit: 100), as: actor).items
            #expect(companies.map(\.name) == ["Café Nord"] && companies.first?.domain == "cafe-nord.example")
            let people = try await services.companies.people(companyID: try #require(companies.first?.id), as: actor)
            #expect(Set(people.compactMap(\.role)) == ["Owner", "Barista"])
            let customers = try await services.customers.list(page: try PageRequest(limit: 100), as: actor).items
            #expect(customers.count == 2, "nobody was made for a rejected row")

            let again = try await services.leads.importLeads(parsed.rows, as: actor)
            #expect(again.created == 0 && again.updated == 3)
            #expect(try await services.leads.list(page: try PageRequest(limit: 100), as: actor).items.count == 2)
        }
    }
}
