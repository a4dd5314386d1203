import Foundation
import Hummingbird
import Logging
import Synchronization

/// A stand-in for Twilio's REST API and the WhatsApp Cloud API for benchmarks, on 127.0.0.1:
/// it takes messages at up to `rate` a second, as a provider's account limit does (a token
/// bucket holding a tenth of a second's worth), and answers the rest 429 as the providers do,
/// counting both. What a benchmark then measures is whether Rapport keeps up with the limit.
final class BenchTextProvider: Sendable {
    private struct Bucket {
        var tokens: Double
        var refilledAt: ContinuousClock.Instant
    }

    let rate: Int
    private let bucket: Mutex<Bucket>
    private let taken = Atomic<Int>(0)
    private let limited = Atomic<Int>(0)
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private let port = Mutex(0)

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    /// Messages taken.
    var accepted: Int { taken.load(ordering: .relaxed) }
    /// Requests answered 429.
    var refused: Int { limited.load(ordering: .relaxed) }

    private init(rate: Int) {
        self.rate = rate
        bucket = Mutex(Bucket(tokens: Double(rate) / 10, refilledAt: .now))
    }

    static func start(rate: Int) async throws -> BenchTextProvider {
        let provider = BenchTextProvider(rate: rate)
        let router = Router()
        router.post("**") { request, _ -> Response in try await provider.answer(request) }
        var logger = Logger(label: "bench-text-provider")
        logger.logLevel = .critical
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.resume(returning: channel.localAddress?.port ?? 0) }, logger: logger)
            provider.task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        }
        provider.port.withLock { $0 = port }
        return provider
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Takes a token, or answers 429 in the provider's format when none is left.
    private func answer(_ request: Request) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: 1 << 16)
        let whatsApp = request.uri.path.hasSuffix("/messages")
        guard takeToken() else {
            limited.add(1, ordering: .relaxed)
            let body = whatsApp
                ? #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429}}"#
                : #"{"code":20429,"message":"Too Many Requests","status":429}"#
            return Response(status: .tooManyRequests, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let number = taken.add(1, ordering: .relaxed).newValue
        let body = whatsApp
            ? #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.bench\#(number)"}]}"#
            : #"{"sid":"SMbench\#(number)","status":"queued"}"#
        return Response(status: whatsApp ? .ok : .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private func takeToken() -> Bool {
        bucket.withLock { bucket in
            let now = ContinuousClock.now
            let elapsed = now - bucket.refilledAt
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(Double(rate) / 10, bucket.tokens + seconds * Double(rate))
            bucket.refilledAt = now
            guard bucket.tokens >= 1 else { return false }
            bucket.tokens -= 1
            return true
        }
    }
}
