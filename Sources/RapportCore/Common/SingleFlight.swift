/// Runs one piece of work per key at a time: a caller that arrives while the work for its key
/// runs waits for that run's result instead of starting a second one.
actor SingleFlight {
    private var running: [String: Task<Void, any Error>] = [:]

    /// Runs `work`, or waits for the run already under way for `key`; true when this call ran it.
    func run(key: String, _ work: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        if let current = running[key] {
            try await current.value
            return false
        }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        try await task.value
        return true
    }
}
