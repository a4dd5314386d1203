import Logging
import RapportServer
import ServiceLifecycle
import Synchronization

/// The whole server started inside a benchmark's process on a free port of 127.0.0.1.
struct BenchServer {
    let base: String
    let group: ServiceGroup
    let task: Task<Void, any Error>

    static func start(services: AppServices, workers: Int, logger: Logger) async throws -> BenchServer {
        let port = Mutex(0)
        let started = AsyncStream<Void>.makeStream()
        let app = try RapportApplication.build(services: services, host: "127.0.0.1", port: 0, workers: workers, logger: logger) { bound in
            port.withLock { $0 = bound }
            started.continuation.yield()
        }
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let task = Task { try await group.run() }
        for await _ in started.stream { break }
        return BenchServer(base: "http://127.0.0.1:\(port.withLock { $0 })", group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
