import ArgumentParser
import RapportCore

struct ImportOrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Import orders from CSV, one row per line item (number, email, placed_at, sku, title, quantity, unit_price, total, …; Shopify's export headers work too).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    @Option(help: "Currency of rows without a currency column")
    var currency: String = "USD"

    func run() async throws {
        let (source, currency) = (options.source, currency)
        try await options.importCSV(database: database, noun: "orders", aliases: CSVColumns.orderAliases) { records, columns in
            CSVImportRows.orders(records, columns: columns, source: source, defaultCurrency: currency)
        } run: { services, rows, workspaceID, progress in
            try await ImportService(commerce: services.commerce).importOrders(rows, as: .system("import-orders", workspaceID: workspaceID), progress: progress.advance)
        }
    }
}
