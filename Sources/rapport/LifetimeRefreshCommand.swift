import ArgumentParser
import Foundation
import RapportCore

/// `rapport analytics refresh`: refits the lifetime models on every order and stores each
/// customer's forecast now (the server does this daily).
struct LifetimeRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh", abstract: "Refit the lifetime-value models and store every customer's forecast.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the first)")
    var workspace: String?

    func run() async throws {
        let started = Date()
        let model = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.lifetime.refresh(as: .operator(workspaceID: workspaceID))
        }
        guard let model else {
            print("Too few orders to fit the lifetime models yet.")
            return
        }
        print(String(format: "%d customers' lifetime values stored in %.2f s (fit %.3f s).", model.fit.customers, Date().timeIntervalSince(started), model.fit.seconds))
    }
}
