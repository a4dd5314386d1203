import Hummingbird
import RapportCore

/// The context of a route that only someone known may call: the API behind its
/// authentication middleware. Made from `RapportRequestContext` when the route is reached
/// (Hummingbird's `ChildRequestContext`); a request with nobody on it is refused with 401
/// there, so a handler's `actor` is never missing and no handler can forget to ask for it.
public struct AuthenticatedRequestContext: ChildRequestContext, ActorRequestContext {
    public typealias ParentContext = RapportRequestContext

    public var coreContext: CoreRequestContextStorage
    /// The connection's peer, for `ClientAddress` (evidence of who acted, limits per client).
    public let peerAddress: String?
    /// Who is asking: a signed-in user or an API key, and so the workspace.
    public let actor: Actor
    public let requestID: String

    public init(context: RapportRequestContext) throws {
        self.actor = try context.actor()
        self.coreContext = context.coreContext
        self.peerAddress = context.peerAddress
        self.requestID = context.requestID
    }

    public var maxUploadSize: Int { RapportRequestContext.maximumBodySize }
}
