import ArgumentParser
import RapportServer

struct DiscardJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Set a queued or dead job aside for good.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The job's id (job_…)")
    var id: String

    func run() async throws {
        try await database.withServices { services, _ in try await services.jobs.discard(id: id) }
        print("discarded \(id)")
    }
}
