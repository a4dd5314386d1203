import Logging
import RapportCore
import ServiceLifecycle

/// Feeds the event log to the job queue (see `EventDispatcher`), a few times a second, until
/// the process shuts down.
struct EventDispatchService: Service {
    let dispatcher: EventDispatcher
    let logger: Logger
    var interval: Duration = .milliseconds(200)

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var consumed = 0
            do {
                consumed = try await dispatcher.dispatch(limit: 1000)
            } catch {
                logger.error("dispatching events failed", metadata: ["error": .string(String(reflecting: error))])
            }
            if consumed < 1000 {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }
}
