import Hummingbird
import RapportCore

/// What travels with one request: who is asking (an API key or a signed-in user, and so the
/// workspace) and the request id.
public struct RapportRequestContext: RequestContext {
    /// Bodies over 1 MiB are refused with 413.
    public static let maximumBodySize = 1 << 20

    public var coreContext: CoreRequestContextStorage
    public var apiKey: APIKey?
    /// The signed-in user, when the request came from the web workspace.
    public var signedIn: ActiveSession?
    public var requestID: String
    /// The peer's address (nil in in-process tests).
    public var peerAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.requestID = ""
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { Self.maximumBodySize }

    /// The context with a signed-in user on it (and their id in the log lines).
    public func signed(in active: ActiveSession) -> RapportRequestContext {
        var context = self
        context.signedIn = active
        context.logger[metadataKey: "user"] = .string(active.user.id)
        return context
    }

    /// Who is asking; routes behind the authentication middleware always have someone.
    public func actor() throws -> Actor {
        if let signedIn { return signedIn.actor }
        guard let apiKey else { throw RapportError.unauthorized("Send an API key as Authorization: Bearer rpk_….") }
        return .apiKey(apiKey)
    }

    /// The workspace of whoever is asking.
    public func workspaceID() throws -> String { try actor().workspaceID }

    /// `api_key:key_…` or `user:usr_…`, recorded as the actor of merges.
    public var actorLabel: String { (try? actor().label) ?? "anonymous" }
}
