/// Who is writing in a web chat: a verified user of the shop (the shop signed its user id,
/// so the chat joins that customer) or an anonymous visitor of this browser.
public enum ChatContact: Sendable, Equatable {
    case user(String)
    case visitor(String)

    /// `user:…` or `visitor:…`, the conversation's contact.
    public var address: String {
        switch self {
        case .user(let id): "user:\(id)"
        case .visitor(let id): "visitor:\(id)"
        }
    }

    public init?(address: String) {
        if address.hasPrefix("user:") {
            self = .user(String(address.dropFirst(5)))
        } else if address.hasPrefix("visitor:") {
            self = .visitor(String(address.dropFirst(8)))
        } else {
            return nil
        }
    }

    /// The identity the customer is found by: the shop's user id (as the tracking API knows
    /// it) or the anonymous id.
    var identity: IdentityInput {
        switch self {
        case .user(let id): IdentityInput(kind: IdentityKind.external.rawValue, value: id, source: TrackingService.source)
        case .visitor(let id): IdentityInput(kind: IdentityKind.anonymous.rawValue, value: id)
        }
    }
}
