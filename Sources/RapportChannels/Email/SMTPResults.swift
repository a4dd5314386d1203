import Foundation

/// The results of `SMTPClient.sendEach` as they come, kept outside the deadline's task so
/// that the messages the server took before a connection broke are still known after it.
final class SMTPResults: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [Int: Result<Void, SMTPError>] = [:]
    private var closed = false

    /// The result of the envelope at `index` (results may come out of order: a pipelined
    /// message's after the refusal of the one behind it).
    func set(_ result: Result<Void, SMTPError>, at index: Int) {
        lock.withLock { if !closed { known[index] = result } }
    }

    /// Takes no more results (the deadline passed: a late one must not count), and answers one
    /// per envelope, `failure` where none came.
    func close(count: Int, filling failure: SMTPError) -> [Result<Void, SMTPError>] {
        lock.withLock {
            closed = true
            return (0..<count).map { known[$0] ?? .failure(failure) }
        }
    }
}
