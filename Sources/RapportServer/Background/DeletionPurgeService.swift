import Logging
import RapportCore
import ServiceLifecycle

/// Purges customers soft-deleted more than 30 days ago, at start and then every hour, until the
/// server shuts down.
struct DeletionPurgeService: Service {
    let customers: CustomerService
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let purged = try await customers.purgeExpiredDeletions()
                if purged > 0 { logger.info("purged deleted customers", metadata: ["count": .stringConvertible(purged)]) }
            } catch {
                logger.error("purging deleted customers failed", metadata: ["error": .string(String(reflecting: error))])
            }
            // Ends early, without an error, when the server shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
