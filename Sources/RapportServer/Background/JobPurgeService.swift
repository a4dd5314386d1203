import Logging
import RapportCore
import ServiceLifecycle

/// Forgets succeeded and discarded jobs a week after they finished, hourly. Dead jobs stay
/// until someone retries or discards them.
struct JobPurgeService: Service {
    let jobs: JobService
    let logger: Logger
    var interval: Duration = .seconds(3600)
    var age: Double = 7 * 86_400

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let purged = try await jobs.purgeFinished(olderThan: age)
                if purged > 0 { logger.info("purged finished jobs", metadata: ["count": .stringConvertible(purged)]) }
            } catch {
                logger.error("purging finished jobs failed", metadata: ["error": .string(String(reflecting: error))])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
