import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// The tracking API's authentication, as Segment's: the write key is the HTTP Basic user name
/// (the password is empty). Only write keys are accepted here: browser keys (`rwk_…`), whose
/// calls are merely asserted, and server keys (`rsk_…`), whose calls are trusted.
struct WriteKeyAuthenticationMiddleware: RouterMiddleware {
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    let authenticator: KeyAuthenticator

    init(keys: APIKeyService, cache: APIKeyCache) {
        self.authenticator = KeyAuthenticator(keys: keys, cache: cache, kinds: [.browser, .server])
    }

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw RapportError.unauthorized(
                "Send the write key as the HTTP Basic user name (create one with `rapport keys create --kind browser` or `--kind server`).")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let credentials = String(data: decoded, encoding: .utf8)
        else {
            throw RapportError.unauthorized("The Authorization header must be Basic with the write key as user name.")
        }
        let secret = String(credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard let authenticated = try await authenticator.authenticate(secret, context: context) else {
            throw RapportError.unauthorized("The write key is not valid or was revoked.")
        }
        // A server key's calls are trusted; in a web page it would be anyone's. Browsers send
        // `Sec-Fetch-Site` with every request and `Origin` with every cross-origin one; servers
        // send neither (Node's fetch sends `Sec-Fetch-Mode`, so that one tells nothing).
        if authenticated.apiKey?.kind == .server, request.headers[.origin] != nil || request.headers[Self.fetchSite] != nil {
            throw RapportError.forbidden("A server key is secret and was sent from a web page; revoke it, and use a browser key (rwk_…) there.")
        }
        return try await next(request, authenticated)
    }
}
