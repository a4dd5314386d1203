/// A live browser session with its user and what that user may do.
public struct ActiveSession: Sendable, Equatable {
    public var session: UserSession
    public var user: User
    public var actor: Actor

    public init(session: UserSession, user: User, actor: Actor) {
        self.session = session
        self.user = user
        self.actor = actor
    }
}
