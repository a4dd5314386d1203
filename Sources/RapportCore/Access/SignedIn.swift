/// A successful sign-in: the user, their new session, and the token for the cookie (shown once).
public struct SignedIn: Sendable, Equatable {
    public var user: User
    public var session: UserSession
    public var token: String
    /// A new device token for the browser to keep, when it was not a known device already.
    public var deviceToken: String?

    public init(user: User, session: UserSession, token: String, deviceToken: String? = nil) {
        self.user = user
        self.session = session
        self.token = token
        self.deviceToken = deviceToken
    }
}
