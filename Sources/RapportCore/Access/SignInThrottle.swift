import Foundation

/// Failed sign-ins per source address, in this process: an address that keeps guessing
/// (across any number of accounts) is told to wait, before any password is checked. Accounts
/// are protected by their own lock too (`UserService`), which a known device passes.
public actor SignInThrottle {
    public nonisolated let limit: Int
    public nonisolated let window: TimeInterval
    private var failures: [String: (count: Int, since: Date)] = [:]

    public init(limit: Int = 20, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Throws 429 when `address` has failed `limit` times within the window.
    public func check(_ address: String?, now: Date) throws {
        guard let address, let entry = failures[address], now.timeIntervalSince(entry.since) < window, entry.count >= limit else { return }
        let seconds = Int((window - now.timeIntervalSince(entry.since)).rounded(.up))
        throw RapportError.tooManyAttempts("Too many failed sign-ins from this address; try again in \(seconds) seconds.", retryAfterSeconds: seconds)
    }

    public func recordFailure(_ address: String?, now: Date) {
        guard let address else { return }
        if failures.count > 10_000 { failures = failures.filter { now.timeIntervalSince($0.value.since) < window } }
        if let entry = failures[address], now.timeIntervalSince(entry.since) < window {
            failures[address] = (entry.count + 1, entry.since)
        } else {
            failures[address] = (1, now)
        }
    }
}
