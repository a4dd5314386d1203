import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import RapportChannels
import RapportCore

/// The click redirect under load: the first link of each message the sink kept, followed
/// through the running server (the signature checked, the click written, the 302 answered),
/// one at a time and then several at once, timing each request over 127.0.0.1.
struct ClickRedirectBench {
    /// The running server's address.
    let base: String

    /// The path and query of each message's first click redirect (written for `publicBase`,
    /// the public address the sender put into the links).
    static func clickPaths(in messages: [[UInt8]], publicBase: String) -> [String] {
        let prefix = "href=\"" + publicBase + "/c/"
        return messages.compactMap { message in
            guard let html = MIMEParser.parse(message).allParts.first(where: { $0.contentType.type == "text/html" }) else { return nil }
            let page = String(decoding: html.decodedBody, as: UTF8.self)
            guard let start = page.range(of: prefix) else { return nil }
            let link = page[start.upperBound...].prefix { $0 != "\"" }
            return "/c/" + MarkupText.unescape(String(link))
        }
    }

    /// Follows each path `rounds` times with `concurrency` requests in flight; the latencies.
    func run(_ paths: [String], concurrency: Int) async throws -> LatencySamples {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        defer { _ = client.shutdown() }
        let base = self.base
        return try await withThrowingTaskGroup(of: LatencySamples.self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    var samples = LatencySamples()
                    for path in stride(from: lane, to: paths.count, by: concurrency).map({ paths[$0] }) {
                        let start = ContinuousClock.now
                        let response = try await client.execute(HTTPClientRequest(url: base + path), timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        samples.record(ContinuousClock.now - start)
                        guard response.status == .found else { throw ValidationError("\(path) answered \(response.status.code), not 302") }
                    }
                    return samples
                }
            }
            var all = LatencySamples()
            for try await samples in group { all.merge(samples) }
            return all
        }
    }
}
