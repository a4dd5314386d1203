import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// The address a request came from, for limits per client: the peer's, or — when the peer is a
/// proxy on this machine or a private network, as a reverse proxy in front of Rapport is — the
/// last address that proxy put in `X-Forwarded-For` (the one it saw itself; earlier entries
/// could be anything a client wrote).
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func of(_ request: Request, context: RapportRequestContext) -> String? {
        guard let peer = context.peerAddress else { return nil }
        let behindProxy = OutboundTargets.publicOnly.refusal(host: peer) != nil
        guard behindProxy, let forwarded = request.headers[forwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.count <= 64
        else { return peer }
        return last
    }
}
