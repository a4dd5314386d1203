import ArgumentParser
import Foundation
import RapportCore

/// `rapport loyalty rebuild`: sums every customer's balance row again from the ledger (the
/// rows are kept with each entry; this is the repair, and the check that they agree).
struct LoyaltyRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Recompute every customer's points balance from the ledger.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the first)")
    var workspace: String?

    func run() async throws {
        let rows = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.loyalty.rebuildBalances(workspaceID: workspaceID)
        }
        print("\(rows) balances rebuilt from the ledger.")
    }
}
