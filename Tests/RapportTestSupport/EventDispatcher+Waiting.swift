import Foundation
import RapportCore

extension EventDispatcher {
    /// Dispatches until something was consumed or `timeout` passed; returns how many events.
    /// On PostgreSQL a write transaction open anywhere in the cluster (another test's) holds
    /// the settled part of the log back until it ends, so one round may find nothing yet.
    public func dispatchWhenSettled(timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while true {
            let consumed = try await dispatch()
            if consumed > 0 || ContinuousClock.now >= deadline { return consumed }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
