import Foundation

/// The results of `SMTPClient.sendEach` as they come, kept outside the deadline's task so
/// that the messages the server took before a connection broke are still known after it.
final class SMTPResults: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Result<Void, SMTPError>] = []
    private var closed = false

    func append(_ result: Result<Void, SMTPError>) {
        lock.withLock { if !closed { list.append(result) } }
    }

    /// Takes no more results (the deadline passed: a late one must not shift the rest), and
    /// fills what is missing with `failure`, up to `count`.
    func close(filling count: Int, with failure: SMTPError) -> [Result<Void, SMTPError>] {
        lock.withLock {
            closed = true
            while list.count < count { list.append(.failure(failure)) }
            return list
        }
    }
}
