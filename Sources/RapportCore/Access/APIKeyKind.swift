/// What a key may do. A secret key (`rpk_…`) uses the whole API; a write key (`rwk_…`) only
/// sends tracking calls, so it can sit in a web page or an app, as Segment's write keys do.
public enum APIKeyKind: String, Sendable, Codable, CaseIterable {
    case secret, write

    /// Every key of this kind starts with it, so a leaked key is easy to recognise.
    public var secretPrefix: String {
        switch self {
        case .secret: "rpk_"
        case .write: "rwk_"
        }
    }
}
