import Foundation
import RapportCore

extension EventDispatcher {
    /// Dispatches until something was consumed or `timeout` passed; returns how many events.
    /// On PostgreSQL a write transaction open anywhere in the cluster (another test's) holds
    /// the settled part of the log back until it ends, so one round may find nothing yet.
    public func dispatchWhenSettled(timeout: Duration = .seconds(30)) async throws -> Int {
        var consumed = 0
        _ = try await Eventually.holds(within: timeout, every: .milliseconds(50)) {
            consumed = try await dispatch()
            return consumed > 0
        }
        return consumed
    }
}
