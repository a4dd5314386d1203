import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct ImportCDNOWCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdnow",
        abstract: "Import the CDNOW transaction log (CDNOW_master.txt or CDNOW_sample.txt from the lifetimes package).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The CDNOW file")
    var file: String

    @Option(help: "Where to write unreadable lines (default: FILE.rejects.csv)")
    var rejects: String?

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("Cannot read \(file).") }
        let started = Date()
        let (rows, unreadable) = CDNOWFormat.orders(String(decoding: data, as: UTF8.self))
        let (services, workspaceID) = try await database.openServices()
        let progress = ProgressBar(total: rows.count, label: "transactions")
        var summary = try await ImportService(commerce: services.commerce).importOrders(
            rows, as: .system("import-cdnow", workspaceID: workspaceID), progress: progress.advance)
        summary.rejected += unreadable
        let seconds = Date().timeIntervalSince(started)
        try await services.store.refreshStatistics()
        let customers = Set(rows.compactMap { $0.input.customer?.identities.first?.value }).count
        let counts = try await services.commerce.counts(as: .operator(workspaceID: workspaceID))
        print("\(customers) customers in the file; the workspace now holds \(counts.customers) customers and \(counts.orders) orders.")
        try ImportOptions.report(summary, noun: "orders", seconds: seconds, file: file, rejects: rejects)
        await services.store.shutdown()
    }
}
