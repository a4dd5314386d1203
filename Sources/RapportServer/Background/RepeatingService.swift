import Logging
import ServiceLifecycle

/// Runs a piece of housekeeping again and again until the process shuts down: `work` returns
/// how much it did (logged when not zero); the service sleeps `interval` between rounds,
/// unless a round did at least `busyAt` (then more is waiting and it goes on at once).
struct RepeatingService: Service {
    let name: String
    let interval: Duration
    var busyAt: Int = .max
    let logger: Logger
    let work: @Sendable () async throws -> Int

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var done = 0
            do {
                done = try await work()
                if done > 0 { logger.debug("\(name)", metadata: ["count": .stringConvertible(done)]) }
            } catch {
                logger.error("\(name) failed", metadata: ["error": .string(String(reflecting: error))])
            }
            if done < busyAt {
                // Ends early, without an error, when the server shuts down.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }
}
