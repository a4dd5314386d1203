import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A provider's HTTP API on 127.0.0.1 for one test: every request goes to the test's `answer`,
/// which checks it as the provider would (its credentials, its signature, its body's shape) and
/// answers in the provider's own format. Every request is kept for the test to look at.
final class LocalProviderAPI: Sendable {
    /// A request as the server received it.
    struct Received: Sendable {
        var method: String
        /// As on the wire: percent-encoded, without the query.
        var path: String
        var query: String
        /// `Host` (HTTP/1's authority) first, then every other field in order.
        var headers: [(String, String)]
        var body: [UInt8]

        /// The first field of that name, whatever its case.
        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    /// What the provider answers.
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        var body: String
    }

    private let answer: @Sendable (Received) -> Reply
    private let received = Mutex<[Received]>([])
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private let port = Mutex(0)

    private init(answer: @escaping @Sendable (Received) -> Reply) {
        self.answer = answer
    }

    /// Where the API is: an inbox's `api_base_url`.
    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }

    /// Every request so far, in the order they came.
    var requests: [Received] { received.withLock { $0 } }

    /// Starts the server; `stop()` ends it.
    static func start(answer: @escaping @Sendable (Received) -> Reply) async throws -> LocalProviderAPI {
        let api = LocalProviderAPI(answer: answer)
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in try await api.handle(request) }
        var logger = Logger(label: "local-provider-api")
        // Stopping by cancellation makes Hummingbird log errors that mean nothing here.
        logger.logLevel = .critical
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.resume(returning: channel.localAddress?.port ?? 0) }, logger: logger)
            api.task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        }
        api.port.withLock { $0 = port }
        return api
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    private func handle(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 4 << 20)
        var headers: [(String, String)] = request.head.authority.map { [("Host", $0)] } ?? []
        for field in request.headers where field.name.canonicalName != "host" { headers.append((field.name.rawName, field.value)) }
        let received = Received(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
            body: Array(buffer: body))
        self.received.withLock { $0.append(received) }
        let reply = answer(received)
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
