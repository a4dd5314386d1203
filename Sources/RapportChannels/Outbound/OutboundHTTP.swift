import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The one door for Rapport's outbound HTTP calls (providers' APIs, subscribers' webhooks):
/// a POST with a deadline, answering the status and the body (at most 1 MiB is read).
public struct OutboundHTTP: Sendable {
    public struct Answer: Sendable {
        public var status: Int
        public var body: String
    }

    let client: HTTPClient
    let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeoutSeconds: Int64 = 10) {
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
    }

    public func post(_ url: String, headers: [(String, String)], body: String) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), body: String(buffer: bytes))
    }
}
