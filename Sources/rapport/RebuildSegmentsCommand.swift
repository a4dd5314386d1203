import ArgumentParser
import RapportCore

struct RebuildSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute segments' membership from scratch; whoever was out of step moves, with segment.entered/left (reason rebuild).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "One segment's id (default: every segment)")
    var segment: String?

    @Option(help: "The workspace (default: the only one)")
    var workspace: String?

    func run() async throws {
        try await database.withServices(workspace: workspace) { services, workspaceID in
            let actor = Actor.operator(workspaceID: workspaceID)
            var ids = segment.map { [$0] } ?? []
            if ids.isEmpty { ids = try await services.segments.list(as: actor).filter { $0.kind == .dynamic }.map(\.id) }
            for id in ids {
                let started = ContinuousClock.now
                let moved = try await services.segments.rebuild(id: id, as: actor)
                print("\(id): \(moved.entered) entered, \(moved.left) left in \((ContinuousClock.now - started).formatted(.units(allowed: [.seconds, .milliseconds])))")
            }
        }
    }
}
