import Synchronization

/// Runs work within a deadline, whatever it waits on: past it, `error` is thrown at once and
/// the work is cancelled — and left to end on its own, since some waits (a resolver call
/// blocked in the system) cannot be interrupted; the caller does not wait for them.
enum Deadline {
    static func run<T: Sendable>(
        within limit: Duration, or error: some Error & Sendable, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Mutex<CheckedContinuation<T, any Error>?>(nil)
        let resume = { @Sendable (result: Result<T, any Error>) in
            outcome.withLock { continuation in
                continuation?.resume(with: result)
                continuation = nil
            }
        }
        var tasks: [Task<Void, Never>] = []
        defer { for task in tasks { task.cancel() } }
        return try await withCheckedThrowingContinuation { continuation in
            outcome.withLock { $0 = continuation }
            tasks.append(Task { resume(await Result(catching: { try await work() })) })
            tasks.append(Task {
                try? await Task.sleep(for: limit)
                resume(.failure(error))
            })
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
