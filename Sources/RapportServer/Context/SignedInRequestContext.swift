import Hummingbird
import RapportCore

/// The context of a workspace page: behind `WebSessionMiddleware`, so someone is signed in.
/// Made from `RapportRequestContext` when the route is reached (Hummingbird's
/// `ChildRequestContext`); the session and actor are never missing in a page's handler.
public struct SignedInRequestContext: ChildRequestContext, ActorRequestContext, WorkspaceRequestContext {
    public typealias ParentContext = RapportRequestContext

    public var coreContext: CoreRequestContextStorage
    /// The connection's peer, for `ClientAddress` (evidence of who acted, limits per client).
    public let peerAddress: String?
    public let session: ActiveSession

    public init(context: RapportRequestContext) throws {
        guard let session = context.signedIn else { throw RapportError.unauthorized("Sign in first.") }
        self.session = session
        self.coreContext = context.coreContext
        self.peerAddress = context.peerAddress
    }

    public var actor: Actor { session.actor }
    public var signedIn: ActiveSession? { session }
    public var maxUploadSize: Int { RapportRequestContext.maximumBodySize }
}
