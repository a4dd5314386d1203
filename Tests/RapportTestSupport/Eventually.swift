/// Awaiting a state instead of sleeping for a guessed time: `holds` checks the condition until
/// it is true or the time is up, and says which. The time limit only bounds a failing test; a
/// passing one goes on as soon as the state is there.
public enum Eventually {
    public static func holds(
        within timeout: Duration = .seconds(10), every interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: interval)
        }
    }
}
