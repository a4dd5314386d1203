import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct ImportOrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Import orders from CSV, one row per line item (number, email, placed_at, sku, title, quantity, unit_price, total, …; Shopify's export headers work too).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    @Option(help: "Currency of rows without a currency column")
    var currency: String = "USD"

    func run() async throws {
        let records = CSVReader.records(try options.text())
        guard let header = records.first else { throw ValidationError("\(options.file) is empty.") }
        let columns = CSVColumns(header: header.fields, mapping: try options.mapping(), aliases: CSVColumns.orderAliases)
        if !columns.unused.isEmpty { print("Columns not imported: \(columns.unused.joined(separator: ", "))") }
        let (rows, unreadable) = CSVImportRows.orders(
            Array(records.dropFirst()), columns: columns, source: options.source, defaultCurrency: currency)
        let (services, workspaceID) = try await database.openServices()
        let progress = ProgressBar(total: rows.count, label: "orders")
        let started = Date()
        var summary = try await ImportService(commerce: services.commerce).importOrders(
            rows, workspaceID: workspaceID, actor: "import:\(options.file)", progress: progress.advance)
        summary.rejected += unreadable
        try await services.store.refreshStatistics()
        try options.report(summary, noun: "orders", seconds: Date().timeIntervalSince(started))
        await services.store.shutdown()
    }
}
