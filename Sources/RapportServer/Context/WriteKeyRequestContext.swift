import Hummingbird
import RapportCore

/// The context of a tracking call: behind `WriteKeyAuthenticationMiddleware`, so a browser or
/// server write key is always on it (and so the workspace, and whether its calls prove).
public struct WriteKeyRequestContext: ChildRequestContext {
    public typealias ParentContext = RapportRequestContext

    public var coreContext: CoreRequestContextStorage
    public let key: APIKey
    /// The connection's address (the client's, or a proxy's; see `ClientAddress`).
    public let peerAddress: String?

    public init(context: RapportRequestContext) throws {
        guard let key = context.apiKey else { throw RapportError.unauthorized("Send a write key as the HTTP Basic user name.") }
        self.key = key
        self.peerAddress = context.peerAddress
        self.coreContext = context.coreContext
    }

    /// Browser keys assert, server keys prove: the middleware lets only those two kinds through.
    public var provenance: IdentityProvenance { key.kind.trackingProvenance }
    public var maxUploadSize: Int { RapportRequestContext.maximumBodySize }
}
