import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A stand-in for a provider's API (Meta's Graph API, Twilio's REST API, a webhook
/// subscriber) or a site a campaign links to, on 127.0.0.1: it records every request and
/// answers what the test scripted for the path (and method), so tests check the real request
/// format Rapport sends.
final class FakeProvider: Sendable {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    struct Scripted: Sendable {
        /// Nil: any method.
        var method: HTTPRequest.Method?
        var status: HTTPResponse.Status
        var body: String
    }

    private let recorded = Mutex<[Recorded]>([])
    private let scripts = Mutex<[(String, Scripted)]>([])
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private let port = Mutex(0)

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }

    /// Stopping by cancellation makes Hummingbird log errors that mean nothing here.
    static let quietLogger: Logger = {
        var logger = Logger(label: "fake-provider")
        logger.logLevel = .critical
        return logger
    }()

    /// Starts the server; `stop()` ends it.
    static func start() async throws -> FakeProvider {
        let fake = FakeProvider()
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in try await fake.handle(request) }
        router.on("**", method: .get) { request, _ -> Response in try await fake.handle(request) }
        router.on("**", method: .head) { request, _ -> Response in try await fake.handle(request) }
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.resume(returning: channel.localAddress?.port ?? 0) },
                logger: FakeProvider.quietLogger)
            fake.task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        }
        fake.port.withLock { $0 = port }
        return fake
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Answers requests whose path ends with `suffix`, of `method` when given (the newest
    /// script wins); `{{seq}}` in the body is replaced by the number of requests received so far.
    func script(_ suffix: String, method: HTTPRequest.Method? = nil, status: HTTPResponse.Status = .ok, body: String) {
        scripts.withLock { $0.insert((suffix, Scripted(method: method, status: status, body: body)), at: 0) }
    }

    var requests: [Recorded] { recorded.withLock { $0 } }

    private func handle(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let path = request.uri.path
        recorded.withLock {
            $0.append(Recorded(method: request.method.rawValue, path: path, headers: headers, body: String(buffer: body)))
        }
        let method = request.method
        let scripted = scripts.withLock { list in
            list.first { path.hasSuffix($0.0) && ($0.1.method == nil || $0.1.method == method) }?.1
        } ?? Scripted(status: .ok, body: "{}")
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        // A redirect's body is where it points.
        if (300..<400).contains(scripted.status.code) { fields[.location] = scripted.body }
        // `{{seq}}` in a script becomes the request's number, so each answer carries its own id.
        let text = scripted.body.replacingOccurrences(of: "{{seq}}", with: String(recorded.withLock { $0.count }))
        // A HEAD is answered with the head alone.
        let answer = Response(status: scripted.status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
        return method == .head ? answer.createHeadResponse() : answer
    }
}
