import ArgumentParser
import RapportServer

struct RetryJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Queue a dead or discarded job again with fresh attempts.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The job's id (job_…)")
    var id: String

    func run() async throws {
        try await database.withServices { services, _ in try await services.jobs.retry(id: id) }
        print("queued \(id) again")
    }
}
