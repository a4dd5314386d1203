import Foundation

/// Password hashing off the cooperative threads, a few at a time. Bcrypt at cost 12 takes a
/// quarter of a second of one core: run on Swift's cooperative pool, a handful of sign-ins
/// would stall every other request. Here at most `width` hash at once on their own threads,
/// at most `queueLimit` wait, and anyone past that is told to retry (429).
public actor PasswordWork {
    public nonisolated let width: Int
    public nonisolated let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int = max(1, ProcessInfo.processInfo.activeProcessorCount), queueLimit: Int = 32) {
        self.width = width
        self.queueLimit = queueLimit
    }

    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        if running < width {
            running += 1
        } else {
            guard waiting.count < queueLimit else {
                throw RapportError.tooManyAttempts("Too many sign-ins and password changes at once; try again in a second.", retryAfterSeconds: 1)
            }
            // The slot is handed over by whoever finishes, so `running` stays as it is.
            await withCheckedContinuation { waiting.append($0) }
        }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
        return result
    }
}
