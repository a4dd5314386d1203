/// The pages a web-chat inbox answers: its `allowed_origin` setting, one or more origins
/// (`https://shop.example`) separated by commas or spaces. Unset, empty or `*`, any page may
/// embed the chat.
public struct ChatOrigins: Sendable, Equatable {
    /// The allowed origins, lower-cased; nil when any origin is allowed.
    public let allowed: Set<String>?

    public init(setting: String?) {
        let origins = (setting ?? "").split(whereSeparator: { $0 == "," || $0 == " " })
            .map { Self.normalised(String($0)) }.filter { !$0.isEmpty }
        allowed = origins.isEmpty || origins.contains("*") ? nil : Set(origins)
    }

    /// The value for `Access-Control-Allow-Origin` when a request from `origin` (its `Origin`
    /// header) may be answered; throws 403 when the inbox names its origins and this is none
    /// of them, or the request names no origin (a browser always does on a cross-site call).
    public func admit(_ origin: String?) throws -> String {
        guard let allowed else { return "*" }
        guard let origin, allowed.contains(Self.normalised(origin)) else {
            throw RapportError.forbidden("This chat only answers pages on the shop's own site (the inbox's allowed_origin).")
        }
        return origin
    }

    private static func normalised(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
