import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct ImportCustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import customers from CSV with a header row (email, phone, whatsapp, first_name, last_name, external_id, tags, …).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    func run() async throws {
        let records = CSVReader.records(try options.text())
        guard let header = records.first else { throw ValidationError("\(options.file) is empty.") }
        let columns = CSVColumns(header: header.fields, mapping: try options.mapping(), aliases: CSVColumns.customerAliases)
        if !columns.unused.isEmpty { print("Columns not imported: \(columns.unused.joined(separator: ", "))") }
        let (rows, unreadable) = CSVImportRows.customers(Array(records.dropFirst()), columns: columns, source: options.source)
        let (services, workspaceID) = try await database.openServices()
        let progress = ProgressBar(total: rows.count, label: "customers")
        let started = Date()
        var summary = try await ImportService(commerce: services.commerce).importCustomers(
            rows, workspaceID: workspaceID, actor: "import:\(options.file)", progress: progress.advance)
        summary.rejected += unreadable
        try await services.store.refreshStatistics()
        try options.report(summary, noun: "customers", seconds: Date().timeIntervalSince(started))
        await services.store.shutdown()
    }
}
