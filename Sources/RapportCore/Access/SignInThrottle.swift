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

    /// Counts an attempt from `address` before its password is checked (so a burst sent at once
    /// counts whole), or throws 429 when the address has used its attempts within the window.
    /// IPv6 addresses count by their /64, which one client commonly holds whole.
    public func begin(_ address: String?, now: Date) throws {
        guard let address else { return }
        let key = ClientNetwork.key(address)
        if failures.count > 10_000 { failures = failures.filter { now.timeIntervalSince($0.value.since) < window } }
        var entry: (count: Int, since: Date) = failures[key].flatMap { now.timeIntervalSince($0.since) < window ? $0 : nil } ?? (0, now)
        guard entry.count < limit else {
            let seconds = max(1, Int((window - now.timeIntervalSince(entry.since)).rounded(.up)))
            throw RapportError.tooManyAttempts("Too many failed sign-ins from this address; try again in \(seconds) seconds.", retryAfterSeconds: seconds)
        }
        entry.count += 1
        failures[key] = entry
    }

    /// A successful attempt does not count against its address.
    public func succeeded(_ address: String?) {
        guard let address, let entry = failures[ClientNetwork.key(address)] else { return }
        failures[ClientNetwork.key(address)] = (max(0, entry.count - 1), entry.since)
    }
}
