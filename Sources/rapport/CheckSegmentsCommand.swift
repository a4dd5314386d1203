import ArgumentParser
import RapportCore

struct CheckSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Compare every segment's maintained membership with a recomputation, changing nothing; exits 1 on drift.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the only one)")
    var workspace: String?

    func run() async throws {
        let drifted = try await database.withServices(workspace: workspace) { services, workspaceID in
            var drifted = false
            let actor = Actor.operator(workspaceID: workspaceID)
            for segment in try await services.segments.list(as: actor) where segment.kind == .dynamic {
                let drift = try await services.segments.drift(id: segment.id, as: actor)
                print("\(segment.id)  \(drift.isEmpty ? "in step" : "\(drift.missing.count) missing, \(drift.extra.count) extra")  \(segment.name)")
                drifted = drifted || !drift.isEmpty
            }
            return drifted
        }
        if drifted { throw ExitCode(1) }
    }
}
