import Foundation

/// The results of `SMTPClient.sendEach` as they come, kept outside the deadline's task so
/// that the messages the server took before a connection broke are still known after it.
final class SMTPResults: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Result<Void, SMTPError>] = []

    var count: Int { lock.withLock { list.count } }
    var values: [Result<Void, SMTPError>] { lock.withLock { list } }

    func append(_ result: Result<Void, SMTPError>) {
        lock.withLock { list.append(result) }
    }
}
