/// Why an outbound call was not made or not finished. None of these is worth retrying soon
/// except a time-out.
public enum OutboundRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case notHTTP(String)
    case privateAddress(host: String, address: String)
    case timedOut

    public var description: String {
        switch self {
        case .notHTTP(let url): "\(url) is not an http or https URL"
        case .privateAddress(let host, let address):
            "\(host) resolves to \(address), a private, loopback or link-local address Rapport does not call (RAPPORT_ALLOW_PRIVATE_TARGETS allows it)"
        case .timedOut: "no complete answer within the deadline"
        }
    }
}
