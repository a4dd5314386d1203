import HTTPTypes
import Hummingbird

/// The URL a provider called, as it signed it: the configured public base URL (behind a
/// proxy) or the scheme and host the request came in on, with the path and query.
struct PublicAddress: Sendable {
    let configuredBase: String?

    func base(of request: Request) -> String {
        if let configuredBase { return configuredBase.hasSuffix("/") ? String(configuredBase.dropLast()) : configuredBase }
        return SourceRoutes.baseURL(request)
    }

    func url(of request: Request) -> String {
        base(of: request) + request.uri.description
    }
}
