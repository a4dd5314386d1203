/// What a key may do. A secret key (`rpk_…`) uses the whole API. Write keys only send
/// tracking calls, as Segment's do, and come in two kinds:
/// - a *browser* key (`rwk_…`) sits in web pages and apps, so anyone can read it: what it
///   sends is only asserted (it never merges customers with proof, proves a channel to the
///   bot, or becomes an order);
/// - a *server* key (`rsk_…`) stays on the shop's back end (Segment's and RudderStack's server
///   libraries): it is secret, so its calls are trusted like an API key's.
public enum APIKeyKind: String, Sendable, Codable, CaseIterable {
    case secret
    /// Stored as `write`, its name before server keys existed.
    case browser = "write"
    case server

    /// Every key of this kind starts with it, so a leaked key is easy to recognise.
    public var secretPrefix: String {
        switch self {
        case .secret: "rpk_"
        case .browser: "rwk_"
        case .server: "rsk_"
        }
    }

    /// The kind whose keys start like `secret`, if any.
    public static func kind(of secret: String) -> APIKeyKind? {
        allCases.first { secret.hasPrefix($0.secretPrefix) }
    }

    /// How far a tracking call sent with a key of this kind can be trusted.
    public var trackingProvenance: IdentityProvenance {
        self == .browser ? .asserted : .proven
    }

    /// The name commands and pages show: `browser`, `server` or `secret`.
    public var name: String {
        self == .browser ? "browser" : rawValue
    }

    /// Reads a kind as the command line names it: `browser` (or `write`), `server`, `secret`.
    public init?(name: String) {
        switch name.lowercased() {
        case "browser", "write": self = .browser
        case "server": self = .server
        case "secret": self = .secret
        default: return nil
        }
    }
}
