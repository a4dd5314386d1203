/// What fetching a link found (`LinkProbe`): the answer's status at the end of its redirects
/// and where they led, or why it could not be fetched, in words for whoever wrote the link.
public struct LinkProbeResult: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        /// A 2xx answer, at once or after redirects.
        case ok
        /// An answer that is no page: 4xx, 5xx, a redirect that leads nowhere or goes on too long.
        case broken
        /// No answer: the name does not resolve, nothing listens, no answer in time.
        case unreachable
        /// It leads inside the network (private, loopback or link-local), which Rapport does not
        /// call and recipients cannot reach.
        case refused
    }

    public var outcome: Outcome
    /// The last answer's HTTP status; nil when nothing answered.
    public var status: Int?
    /// Where the redirects led; nil when the link answered itself.
    public var finalURL: String?
    /// Redirects followed.
    public var redirects: Int
    /// Why it is not ok, as words that follow the link (`answers HTTP 404: no such page`); nil
    /// when it is.
    public var reason: String?

    public init(outcome: Outcome, status: Int?, finalURL: String?, redirects: Int, reason: String?) {
        self.outcome = outcome
        self.status = status
        self.finalURL = finalURL
        self.redirects = redirects
        self.reason = reason
    }

    /// The answer that ended the fetch (no redirect any more): a 2xx is a page, anything else is
    /// broken. `finalURL` is where it came from when redirects led there.
    public static func answered(status: Int, finalURL: String?, redirects: Int) -> LinkProbeResult {
        guard !(200..<300).contains(status) else {
            return LinkProbeResult(outcome: .ok, status: status, finalURL: finalURL, redirects: redirects, reason: nil)
        }
        let meaning = switch status {
        case 404, 410: ": no such page"
        case 500...: ": the server failed"
        default: ""
        }
        return LinkProbeResult(outcome: .broken, status: status, finalURL: finalURL, redirects: redirects, reason: "answers HTTP \(status)\(meaning)")
    }

    /// A redirect without a `Location` that leads somewhere.
    public static func redirectWithoutTarget(status: Int, from url: String, redirects: Int) -> LinkProbeResult {
        LinkProbeResult(
            outcome: .broken, status: status, finalURL: redirects > 0 ? url : nil, redirects: redirects,
            reason: "answers HTTP \(status), a redirect that names no address to go on to")
    }

    /// More redirects than a fetch follows: a loop, or a chain no recipient should wait for.
    public static func tooManyRedirects(_ limit: Int, lastURL: String) -> LinkProbeResult {
        LinkProbeResult(
            outcome: .broken, status: nil, finalURL: lastURL, redirects: limit,
            reason: "redirects more than \(limit) times (a loop, or a chain too long to follow)")
    }

    /// No answer: the name does not resolve, the connection fails, or nothing came in time.
    public static func unreachable(_ detail: String, redirects: Int = 0) -> LinkProbeResult {
        LinkProbeResult(outcome: .unreachable, status: nil, finalURL: nil, redirects: redirects, reason: "cannot be reached: \(detail.prefix(300))")
    }

    /// `host` resolves to a private, loopback or link-local address, which Rapport does not call.
    public static func refused(host: String, redirects: Int = 0) -> LinkProbeResult {
        LinkProbeResult(
            outcome: .refused, status: nil, finalURL: nil, redirects: redirects,
            reason: "points inside the network, which recipients cannot reach (\(host.prefix(200)))")
    }
}
