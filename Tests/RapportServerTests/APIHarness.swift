import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The whole HTTP application in process, on a fresh database, with an admin key.
struct APIHarness {
    let client: any TestClientProtocol
    let services: AppServices
    let key: String
    let workspaceID: String
    /// The clock every service reads: the wall clock until a test stops or moves it.
    let clock: MovableClock
    /// Every route the application registered, as `METHOD /path` (Hummingbird's description).
    let routes: [String]

    /// `outbound`: the fake providers and SMTP servers listen on 127.0.0.1, so by default the
    /// harness allows private targets, as an operator would with RAPPORT_ALLOW_PRIVATE_TARGETS.
    /// `sns`: a stand-in for Amazon SNS (its certificates, subscription confirmations).
    static func run(
        on database: TestDatabase, outbound: OutboundTargets = OutboundTargets(allowsPrivate: true), limits: RateLimits = .defaults,
        sns: (any SNSClient)? = nil, _ body: @Sendable (APIHarness) async throws -> Void
    ) async throws {
        try await database.withStore { store in
            let clock = MovableClock()
            let services = AppServices(
                store: store, defaultRegion: PhoneRegion.known["DE"]!, clock: clock, publicURL: APIHarness.publicURL,
                passwords: BcryptPasswordHasher(cost: 4), outbound: outbound, limits: limits, sns: sns,
                // The server's own probe reaches public addresses only; the stand-in sites are on 127.0.0.1.
                linkProbe: HTTPLinkProbe(http: OutboundHTTP(targets: outbound, timeoutSeconds: 5)))
            let issued = try #require(try await services.workspaces.bootstrapIfEmpty())
            let router = try RapportApplication.buildRouter(services: services)
            let routes = router.routes.map(\.description)
            let app = Application(router: router)
            try await app.test(.router) { client in
                try await body(APIHarness(
                    client: client, services: services, key: issued.secret, workspaceID: issued.key.workspaceID, clock: clock, routes: routes))
            }
        }
    }

    /// The public address the harness's Rapport pretends to have (Twilio signs it).
    static let publicURL = "https://rapport.test"

    /// Runs every due job with the real handlers, as a worker would.
    @discardableResult
    func runJobs() async throws -> Int {
        try await RapportApplication.worker(services: services, logger: Logger(label: "test.jobs")).drain()
    }

    func headers(key: String? = nil, _ extra: [(String, String)] = []) -> HTTPFields {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(key ?? self.key)"
        fields[.contentType] = "application/json"
        for (name, value) in extra { fields[HTTPField.Name(name)!] = value }
        return fields
    }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, key: String? = nil, headers extra: [(String, String)] = []
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: method, headers: headers(key: key, extra), body: json.map { ByteBuffer(string: $0) })
    }

    /// Opens a web-chat session (`json`: `{}` names a new visitor) and returns its contact and token.
    func chatSession(_ inboxID: String, json: String = "{}") async throws -> (contact: String, token: String) {
        let session = try await send(.post, "/chat/\(inboxID)/sessions", json: json)
        return (try #require(session.object["contact"] as? String, "\(session.object)"), try #require(session.object["token"] as? String))
    }

    /// A web-chat visitor's call, with their session token.
    @discardableResult
    func chat(_ method: HTTPRequest.Method, _ uri: String, token: String, json: String? = nil, origin: String? = nil) async throws -> TestResponse {
        try await send(method, uri, json: json, key: token, headers: origin.map { [("Origin", $0)] } ?? [])
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }
}
