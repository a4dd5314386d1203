import ArgumentParser
import RapportCore

struct ImportCustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import customers from CSV with a header row (email, phone, whatsapp, first_name, last_name, external_id, tags, consent columns, …).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    func run() async throws {
        let source = options.source
        try await options.importCSV(database: database, noun: "customers", aliases: CSVColumns.customerAliases) { records, columns in
            CSVImportRows.customers(records, columns: columns, source: source)
        } run: { services, rows, workspaceID, progress in
            try await ImportService(commerce: services.commerce).importCustomers(rows, as: .system("import-customers", workspaceID: workspaceID), progress: progress.advance)
        }
    }
}
