import ArgumentParser
import RapportCore

struct ImportLeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Import sales leads from CSV (email or phone, first_name, last_name, company, company_domain, role, title, campaign; HubSpot contact export headers work too).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    func run() async throws {
        try await options.importCSV(database: database, noun: "leads", aliases: CSVColumns.leadAliases) { records, columns in
            CSVImportRows.leads(records, columns: columns)
        } run: { services, rows, workspaceID, progress in
            try await services.leads.importLeads(rows, as: .system("import-leads", workspaceID: workspaceID), progress: progress.advance)
        }
    }
}
