import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct PrivacyEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a customer and every record merged into them, for good. This cannot be undone.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The customer's id (cus_…)")
    var customer: String

    @Option(help: "What becomes of their orders: pseudonymise (kept for the books, without the person) or delete")
    var orders: String = ErasedOrders.pseudonymise.rawValue

    @Flag(help: "Confirm: the erasure cannot be undone")
    var yes = false

    @Option(help: "The workspace (default: the only one)")
    var workspace: String?

    func run() async throws {
        guard let orders = ErasedOrders(rawValue: orders) else { throw ValidationError("--orders must be pseudonymise or delete") }
        guard yes else { throw ValidationError("An erasure cannot be undone; pass --yes to erase \(customer).") }
        try await database.withServices(workspace: workspace) { services, workspaceID in
            let started = ContinuousClock.now
            let receipt = try await services.privacy.erase(customerID: customer, orders: orders, as: .operator(workspaceID: workspaceID))
            let elapsed = ContinuousClock.now - started
            let rows = receipt.rows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("Erased \(receipt.customerIDs.joined(separator: ", ")) (orders \(orders.rawValue)): \(rows) in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds])))")
        }
    }
}
