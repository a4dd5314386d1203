import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import RapportCore

/// The one door for Rapport's outbound HTTP calls (providers' APIs, subscribers' webhooks,
/// campaigns' links being checked).
/// Whoever saved the URL may have aimed it inside the network, so every call:
/// - resolves the host itself, checks the address against `OutboundTargets` and connects to
///   exactly that address (a DNS answer that changes between check and connect cannot pass);
/// - follows no redirect (a 3xx is the answer);
/// - reads at most `bodyLimit` bytes of the answer and finishes within one deadline, head and
///   body together.
public struct OutboundHTTP: Sendable {
    public struct Answer: Sendable {
        public var status: Int
        public var body: String
        /// The answer's header fields as they came, in order (a provider may name what it took
        /// in one: SendGrid's `X-Message-Id`).
        public var headers: [(name: String, value: String)] = []

        /// The first header field of that name, whatever its case.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    static let bodyLimit = 64 * 1024

    let targets: OutboundTargets
    let deadline: Duration

    public init(targets: OutboundTargets, timeoutSeconds: Int64 = 10) {
        self.targets = targets
        self.deadline = .seconds(timeoutSeconds)
    }

    public func post(_ url: String, headers: [(String, String)], body: String) async throws -> Answer {
        try await call(.POST, url, headers: headers, body: body)
    }

    /// A GET (Amazon SNS's signing certificates and subscription confirmations).
    public func get(_ url: String, headers: [(String, String)] = []) async throws -> Answer {
        try await call(.GET, url, headers: headers, body: nil)
    }

    /// A HEAD: the answer's status and header fields, no body (the campaign link checker).
    public func head(_ url: String, headers: [(String, String)] = []) async throws -> Answer {
        try await call(.HEAD, url, headers: headers, body: nil)
    }

    private func call(_ method: HTTPMethod, _ url: String, headers: [(String, String)], body: String?) async throws -> Answer {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw OutboundRefusal.notHTTP(String(url.prefix(100))) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let targets = self.targets
        return try await Deadline.run(within: deadline, or: OutboundRefusal.timedOut) {
            let address = try await ResolvedAddress.of(host: host, port: port)
            guard targets.isAllowed(ip: address) else { throw OutboundRefusal.privateAddress(host: host, address: address) }
            var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
            configuration.timeout.connect = .seconds(5)
            configuration.dnsOverride = [host: address]
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                let answer = try await Self.send(method, url, headers: headers, body: body, with: client)
                try await client.shutdown()
                return answer
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    private static func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)], body: String?, with client: HTTPClient
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(3600))
        var collected = ByteBuffer()
        for try await chunk in response.body {
            let room = bodyLimit - collected.readableBytes
            if let slice = chunk.getSlice(at: chunk.readerIndex, length: min(room, chunk.readableBytes)) {
                collected.writeImmutableBuffer(slice)
            }
            if collected.readableBytes >= bodyLimit { break }
        }
        return Answer(
            status: Int(response.status.code), body: String(buffer: collected), headers: response.headers.map { (name: $0.name, value: $0.value) })
    }
}
