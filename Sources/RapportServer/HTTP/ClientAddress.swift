import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// The address a request came from, for limits per client: the peer's, or — when the peer is
/// one of the operator's reverse proxies (`RAPPORT_TRUSTED_PROXIES`, addresses separated by
/// commas) — the last address that proxy put in `X-Forwarded-For` (the one it saw itself;
/// earlier entries could be anything a client wrote). Without the setting no header is trusted.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let trustedProxies: Set<String> = Set(
        (ProcessInfo.processInfo.environment["RAPPORT_TRUSTED_PROXIES"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })

    /// The client's network for per-client limits (`ClientNetwork`: an IPv6 address by its /64).
    static func network(_ request: Request, context: RapportRequestContext) -> String? {
        of(request, context: context).map(ClientNetwork.key)
    }

    static func of(_ request: Request, context: RapportRequestContext) -> String? {
        of(request, peerAddress: context.peerAddress)
    }

    /// The same, for a route's own context, which carries the peer's address along.
    static func of(_ request: Request, peerAddress: String?) -> String? {
        guard let peer = peerAddress else { return nil }
        guard trustedProxies.contains(peer), let forwarded = request.headers[forwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.count <= 64
        else { return peer }
        return last
    }
}
