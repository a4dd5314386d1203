/// Runs work within a deadline, whatever it waits on: past it, the work is cancelled and
/// `error` thrown.
enum Deadline {
    static func run<T: Sendable>(
        within limit: Duration, or error: some Error & Sendable, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw error
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw error }
            return first
        }
    }
}
