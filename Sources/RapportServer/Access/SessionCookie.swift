import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// The browser session's cookie: HTTP-only, SameSite=Lax, Secure whenever Rapport is served
/// over HTTPS (a plain-HTTP demo on 127.0.0.1 could not keep a Secure cookie).
enum SessionCookie {
    static let name = "rapport_session"
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    static func make(token: String, secure: Bool) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: Int(UserService.sessionLifetime), path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// A device this user signed in on before: it passes the account's lock after failed sign-ins.
    static let deviceName = "rapport_device"

    static func device(token: String, secure: Bool) -> Cookie {
        Cookie(name: deviceName, value: token, maxAge: 365 * 86_400, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Whether the request carries a live workspace session: on a customer's own page (a
    /// survey, a review request), someone of the team is looking.
    static func isSignedIn(_ request: Request, users: UserService) async throws -> Bool {
        guard let token = request.cookies[name]?.value, !token.isEmpty else { return false }
        return try await users.session(token: token) != nil
    }

    /// Tells the browser to forget the cookie.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Whether the request reached Rapport over HTTPS (directly, or through a proxy that says so).
    static func isSecure(_ request: Request, publicURL: String?) -> Bool {
        if request.headers[forwardedProto]?.lowercased() == "https" { return true }
        return publicURL?.lowercased().hasPrefix("https://") ?? false
    }
}
