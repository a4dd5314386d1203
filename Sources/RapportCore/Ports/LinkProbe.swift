/// Fetches a link as a recipient's browser would, to tell whether it works: over HTTP through
/// Rapport's outbound rules in production (`HTTPLinkProbe`), a stand-in in tests. Never throws:
/// whatever goes wrong is the link's outcome.
public protocol LinkProbe: Sendable {
    /// What became of fetching `url` (an http or https address): the answer at the end of its
    /// redirects, or why there was none.
    func probe(_ url: String) async -> LinkProbeResult
}
