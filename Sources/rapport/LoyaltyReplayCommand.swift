import ArgumentParser
import Foundation
import RapportCore

/// `rapport loyalty replay`: runs the programme's rules over every order of the workspace, the
/// shop's history included — points for past orders when a programme starts on a shop that has
/// them (`orders_placed_from` limits how far back). Entries already there are not written again.
struct LoyaltyReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Credit points for every order of the workspace, past ones included (each entry once).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the first)")
    var workspace: String?

    func run() async throws {
        let started = Date()
        let (orders, entries) = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.loyalty.replay(as: .operator(workspaceID: workspaceID))
        }
        print(String(format: "%d orders replayed, %d ledger entries added, in %.2f s.", orders, entries, Date().timeIntervalSince(started)))
    }
}
