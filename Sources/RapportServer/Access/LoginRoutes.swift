import Foundation
import Hummingbird
import RapportCore

/// `/login`, `/logout`, `/logout/everywhere` and `/`: signing in with e-mail and password
/// (a locked account says for how long), and out of this browser or of every browser.
struct LoginRoutes {
    /// The sign-in form (it has no CSRF token: no session yet).
    private struct SignInForm: Decodable {
        let email: String?
        let password: String
        let next: String
    }

    /// A new password for the signed-in user, with the current one.
    private struct ChangePasswordForm: Decodable {
        let currentPassword: String
        let newPassword: String
    }

    let users: UserService
    let pages: WebPages
    let publicURL: String?

    func register(public group: RouterGroup<RapportRequestContext>, signedIn: RouterGroup<RapportRequestContext>) {
        group.get("login", use: form)
        group.post("login", use: signIn)
        signedIn.get("/") { _, context in WebRedirect.to(WebPages.home(for: try context.actor())) }
        signedIn.post("logout", use: signOut)
        signedIn.post("logout/everywhere", use: signOutEverywhere)
        signedIn.get("account") { request, context in
            try pages.render(
                "account", context, title: "Your account", section: "account",
                view: AccountPageView(changed: request.uri.queryParameters["changed"] != nil))
        }
        signedIn.post("account/password", use: changePassword)
    }

    /// A new password ends every session; this browser gets a fresh one.
    @Sendable func changePassword(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        guard let user = context.signedIn?.user else { return WebRedirect.to("/login") }
        do {
            let input = try form.decode(ChangePasswordForm.self)
            let signedIn = try await users.changePassword(
                userID: user.id, email: user.email, current: input.currentPassword, new: input.newPassword)
            var response = WebRedirect.to("/account?changed=1")
            response.setCookie(SessionCookie.make(token: signedIn.token, secure: SessionCookie.isSecure(request, publicURL: publicURL)))
            return response
        } catch RapportError.invalid(let problems) {
            var view = AccountPageView(changed: false)
            for problem in problems {
                if problem.field == "current_password" {
                    view.currentError = WebFormat.problem(problem)
                } else {
                    view.newError = WebFormat.problem(problem)
                }
            }
            return try pages.render("account", context, title: "Your account", section: "account", view: view, status: .unprocessableContent)
        }
    }

    @Sendable func form(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let next = WebRedirect.localPath(request.uri.queryParameters["next"].map(String.init), default: "")
        if let token = request.cookies[SessionCookie.name]?.value, let active = try await users.session(token: token) {
            return WebRedirect.to(next.isEmpty ? WebPages.home(for: active.actor) : next)
        }
        let notice = request.uri.queryParameters["signed_out"] == "everywhere" ? "You are signed out on every device." : nil
        return try pages.render("login", context, title: "Sign in", section: "login", view: LoginPageView(next: next, notice: notice))
    }

    /// The sign-in form has no session to carry a CSRF token yet; a browser's `Origin` header
    /// must name this site instead, so another site cannot sign a visitor into its account.
    @Sendable func signIn(_ request: Request, context: RapportRequestContext) async throws -> Response {
        if let origin = request.headers[.origin], !sameSite(origin, request) {
            throw RapportError.forbidden("Sign in from Rapport's own sign-in page.")
        }
        let input = try await WebForm.read(request, context: context, checkingCSRF: false).decode(SignInForm.self)
        let email = input.email ?? ""
        let next = WebRedirect.localPath(input.next, default: "")
        func again(_ message: String, status: HTTPResponse.Status) throws -> Response {
            try pages.render(
                "login", context, title: "Sign in", section: "login", view: LoginPageView(next: next, email: email, error: message),
                status: status)
        }
        guard !email.isEmpty, !input.password.isEmpty else {
            return try again("Enter your e-mail address and your password.", status: .unprocessableContent)
        }
        do {
            let signedIn = try await users.signIn(SignInAttempt(
                email: email, password: input.password, address: ClientAddress.of(request, context: context),
                deviceToken: request.cookies[SessionCookie.deviceName]?.value))
            let actor = Actor.user(signedIn.user, teamIDs: [])
            var response = WebRedirect.to(next.isEmpty ? WebPages.home(for: actor) : next)
            let secure = SessionCookie.isSecure(request, publicURL: publicURL)
            response.setCookie(SessionCookie.make(token: signedIn.token, secure: secure))
            if let device = signedIn.deviceToken { response.setCookie(SessionCookie.device(token: device, secure: secure)) }
            return response
        } catch RapportError.unauthorized(let message) {
            return try again(message, status: .unauthorized)
        } catch RapportError.tooManyAttempts(let message, let seconds) {
            var response = try again(message, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: RapportRequestContext) async throws -> Response {
        _ = try await WebForm.read(request, context: context)
        if let token = request.cookies[SessionCookie.name]?.value { try await users.signOut(token: token) }
        return signedOut(request, to: "/login")
    }

    @Sendable func signOutEverywhere(_ request: Request, context: RapportRequestContext) async throws -> Response {
        _ = try await WebForm.read(request, context: context)
        if let user = context.signedIn?.user { try await users.signOutEverywhere(userID: user.id) }
        return signedOut(request, to: "/login?signed_out=everywhere")
    }

    private func sameSite(_ origin: String, _ request: Request) -> Bool {
        let host = origin.components(separatedBy: "://").last ?? origin
        if let configured = publicURL, origin.lowercased() == configured.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/")) {
            return true
        }
        return host.lowercased() == request.head.authority?.lowercased()
    }

    private func signedOut(_ request: Request, to location: String) -> Response {
        var response = WebRedirect.to(location)
        response.setCookie(SessionCookie.cleared(secure: SessionCookie.isSecure(request, publicURL: publicURL)))
        return response
    }
}
