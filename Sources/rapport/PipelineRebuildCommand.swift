import ArgumentParser
import Foundation
import RapportCore

/// `rapport pipeline rebuild`: sums every stage's totals again from its deals (the rows are
/// kept with each deal change; this is the repair, and it says first how many pipelines' kept
/// rows disagreed).
struct PipelineRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Recompute every pipeline stage's totals from its deals.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the first)")
    var workspace: String?

    func run() async throws {
        let (differing, rows) = try await database.withServices(workspace: workspace) { services, workspaceID in
            var differing: [String] = []
            for overview in try await services.pipelines.list(as: .operator(workspaceID: workspaceID)) {
                let check = try await services.pipelines.checkTotals(pipelineID: overview.pipeline.id, workspaceID: workspaceID)
                if check.kept != check.computed { differing.append(overview.pipeline.name) }
            }
            return (differing, try await services.pipelines.rebuildTotals(workspaceID: workspaceID))
        }
        if !differing.isEmpty { print("The kept totals disagreed with the deals in: \(differing.joined(separator: ", ")).") }
        print("\(rows) stage totals rebuilt from the deals.")
    }
}
