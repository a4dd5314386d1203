import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct PrivacyExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write everything Rapport holds on a customer to a file (JSON, or a ZIP of JSON and CSV).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The customer's id (cus_…)")
    var customer: String

    @Option(help: "json or zip")
    var format: String = "json"

    @Option(help: "Where to write it (default: rapport-export-<id>.<format> here)")
    var output: String?

    @Option(help: "The workspace (default: the only one)")
    var workspace: String?

    func run() async throws {
        guard let format = CustomerExportFile.Format(rawValue: format) else { throw ValidationError("--format must be json or zip") }
        try await database.withServices(workspace: workspace) { services, workspaceID in
            let started = ContinuousClock.now
            let export = try await services.privacy.export(customerID: customer, as: .operator(workspaceID: workspaceID))
            let file = CustomerExportFile(export, format: format)
            let path = output ?? file.fileName
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            let elapsed = ContinuousClock.now - started
            let counts = export.tables.filter { !$0.rows.isEmpty }.map { "\($0.name) \($0.rows.count)" }.joined(separator: ", ")
            print("Wrote \(path): \(file.bytes.count) bytes, \(export.rowCount) rows (\(counts)) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds])))")
        }
    }
}
