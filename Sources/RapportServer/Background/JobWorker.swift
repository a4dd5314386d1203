import Logging
import RapportCore
import ServiceLifecycle

/// Claims due jobs and runs them with their handlers, up to `concurrency` at a time. On
/// graceful shutdown it stops claiming and lets the jobs in hand finish; a job whose worker
/// died instead is claimed again when its lease runs out.
///
/// While a job runs its lease is renewed (a third of the lease at a time), and its outcome is
/// recorded only by the attempt that holds it (the fencing token), so a job is never run to
/// completion twice because one run was slow. No kind of job may take every slot: a slow
/// webhook subscriber cannot hold up the messages to customers.
public struct JobWorker: Service {
    let jobs: JobService
    let handlers: [JobKind: any JobHandler]
    let concurrency: Int
    let pollInterval: Duration
    let logger: Logger
    let running = RunningKinds()

    public init(
        jobs: JobService, handlers: [any JobHandler], concurrency: Int = 4, pollInterval: Duration = .milliseconds(100),
        logger: Logger
    ) {
        self.jobs = jobs
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.concurrency = max(1, concurrency)
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask { await loop() }
            }
        }
    }

    /// One slot: claim a job, run it, repeat; sleep a poll interval when none is due.
    private func loop() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var claimed: [Job] = []
            do {
                claimed = try await jobs.claim(limit: 1, excluding: await running.full(share: kindShare))
            } catch {
                logger.error("claiming jobs failed", metadata: ["error": .string(String(reflecting: error))])
            }
            guard let job = claimed.first else {
                // Ends early, without an error, when the process shuts down.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                continue
            }
            await perform(job)
        }
    }

    /// Runs due jobs one after another until none is due; returns how many ran. For tests and
    /// one-off runs (`rapport jobs run`).
    @discardableResult
    public func drain(limit: Int = 10_000) async throws -> Int {
        var ran = 0
        while ran < limit, let job = try await jobs.claim(limit: 1).first {
            await perform(job)
            ran += 1
        }
        return ran
    }

    /// The slots one kind may use at most: all but one, so another kind always has a slot.
    var kindShare: Int { max(1, concurrency - 1) }

    /// Runs one claimed job, renewing its lease meanwhile, and records its outcome.
    func perform(_ job: Job) async {
        await running.started(job.kind)
        await execute(job)
        await running.finished(job.kind)
    }

    private func execute(_ job: Job) async {
        let renewal = Task {
            let every = Duration.seconds(max(1, jobs.lease.components.seconds / 3))
            while !Task.isCancelled {
                try await Task.sleep(for: every)
                guard try await jobs.renewLease(job) else {
                    logger.warning("lease lost", metadata: ["job": .string(job.id), "kind": .string(job.kind.rawValue)])
                    return
                }
            }
        }
        defer { renewal.cancel() }
        do {
            guard let handler = handlers[job.kind] else {
                throw JobFailure.permanent("No handler for jobs of kind \(job.kind) in this build.")
            }
            try await handler.run(job)
            if try await !jobs.succeeded(job) {
                logger.warning("job finished after its lease passed to another worker; that attempt decides", metadata: ["job": .string(job.id)])
            }
        } catch {
            do {
                let status = try await jobs.failed(job, error: error)
                logger.warning("job failed", metadata: [
                    "job": .string(job.id), "kind": .string(job.kind.rawValue), "attempt": .stringConvertible(job.attempts),
                    "now": .string(status.rawValue), "error": .string(String(describing: error)),
                ])
            } catch {
                logger.error("recording a job failure failed", metadata: ["job": .string(job.id), "error": .string(String(reflecting: error))])
            }
        }
    }
}
