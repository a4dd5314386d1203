import Foundation
import RapportCore

/// Fetches a campaign's link as a recipient's browser would, through `OutboundHTTP`: a HEAD
/// (a GET when the site answers HEAD with 405 or 501), redirects followed here, each hop its own
/// call, so every address on the way is resolved and checked against `OutboundTargets` (a
/// public link that redirects inside the network is refused at that hop). At most
/// `maximumRedirects` redirects and `deadline` for the whole link; of a GET's page, no more
/// than `OutboundHTTP` reads of any answer.
public struct HTTPLinkProbe: LinkProbe {
    public static let maximumRedirects = 5
    public static let deadline: Duration = .seconds(5)
    /// Who is asking, for the sites' logs; some refuse a request that names nobody.
    static let headers = [("User-Agent", "Rapport link checker (campaign links)"), ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")]

    let http: OutboundHTTP

    public init(http: OutboundHTTP) {
        self.http = http
    }

    public func probe(_ url: String) async -> LinkProbeResult {
        do {
            return try await Deadline.run(within: Self.deadline, or: OutboundRefusal.timedOut) { await follow(url) }
        } catch {
            return Self.failure(error, redirects: 0)
        }
    }

    /// The link's answer, redirects followed (a relative `Location` taken from where it came).
    private func follow(_ url: String) async -> LinkProbeResult {
        var current = url
        for redirects in 0...Self.maximumRedirects {
            // Past the deadline the caller has its answer: no further hop.
            if Task.isCancelled { return Self.failure(OutboundRefusal.timedOut, redirects: redirects) }
            let answer: OutboundHTTP.Answer
            do {
                answer = try await fetch(current)
            } catch {
                return Self.failure(error, redirects: redirects)
            }
            guard (300..<400).contains(answer.status), answer.status != 304 else {
                return .answered(status: answer.status, finalURL: redirects == 0 ? nil : current, redirects: redirects)
            }
            guard let location = answer.header("Location"), let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                return .redirectWithoutTarget(status: answer.status, from: current, redirects: redirects)
            }
            current = next
        }
        return .tooManyRedirects(Self.maximumRedirects, lastURL: current)
    }

    /// Why a hop had no answer: refused inside the network, no http address, or not reached.
    static func failure(_ error: any Error, redirects: Int) -> LinkProbeResult {
        switch error as? OutboundRefusal {
        case .privateAddress(let host, _)?:
            return .refused(host: host, redirects: redirects)
        case .notHTTP(let address)?:
            return LinkProbeResult(
                outcome: .broken, status: nil, finalURL: nil, redirects: redirects, reason: "is not a well-formed http or https address (\(address))")
        case .timedOut?:
            return .unreachable("no answer within \(deadline.components.seconds) seconds", redirects: redirects)
        case nil:
            return .unreachable(String(describing: error), redirects: redirects)
        }
    }

    /// A HEAD, or a GET when the HEAD was not answered with a page or a redirect: many sites
    /// and bot filters answer HEAD with 403, 404 or 405 while a GET works.
    private func fetch(_ url: String) async throws -> OutboundHTTP.Answer {
        let head = try await http.head(url, headers: Self.headers)
        guard !(200..<400).contains(head.status) else { return head }
        return try await http.get(url, headers: Self.headers)
    }
}
