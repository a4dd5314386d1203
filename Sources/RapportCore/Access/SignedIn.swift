/// A successful sign-in: the user, their new session, and the token for the cookie (shown once).
public struct SignedIn: Sendable, Equatable {
    public var user: Agent
    public var session: UserSession
    public var token: String

    public init(user: Agent, session: UserSession, token: String) {
        self.user = user
        self.session = session
        self.token = token
    }
}
