import ArgumentParser
import RapportCore

struct ListSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every segment and list with its member count.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the only one)")
    var workspace: String?

    func run() async throws {
        try await database.withServices(workspace: workspace) { services, workspaceID in
            for segment in try await services.segments.list(as: .operator(workspaceID: workspaceID)) {
                print("\(segment.id)  \(segment.kind.rawValue)  \(segment.memberCount) members  \(segment.name)")
            }
        }
    }
}
