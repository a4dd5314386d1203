import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct ListJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List jobs, newest first, with counts per status.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only jobs in this status (\(JobStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
    var status: String?

    @Option(help: "Only jobs of this kind (e.g. webhook.deliver, message.send)")
    var kind: String?

    @Option(help: "At most this many jobs")
    var limit: Int = 50

    func run() async throws {
        let wanted = try status.map { name in
            guard let status = JobStatus(rawValue: name) else {
                throw ValidationError("--status must be one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return status
        }
        let (services, _) = try await database.openServices()
        let counts = try await services.jobs.counts()
        print(JobStatus.allCases.map { "\($0.rawValue) \(counts[$0])" }.joined(separator: "  "))
        print("ID\tKIND\tSTATUS\tATTEMPTS\tRUN AT\tLAST ERROR")
        let formatter = ISO8601DateFormatter()
        for job in try await services.jobs.list(status: wanted, kind: kind.map(JobKind.init(rawValue:)), limit: limit) {
            let error = (job.lastError ?? "").replacingOccurrences(of: "\n", with: " ").prefix(120)
            print("\(job.id)\t\(job.kind)\t\(job.status.rawValue)\t\(job.attempts)/\(job.maxAttempts)\t\(formatter.string(from: job.runAt))\t\(error)")
        }
        await services.store.shutdown()
    }
}
