import Hummingbird
import RapportCore

/// A request context the web workspace renders pages and reads forms with: the signed-in
/// user, when there is one (the error pages of the sign-in screen have none).
public protocol WorkspaceRequestContext: RequestContext {
    var signedIn: ActiveSession? { get }
}

extension RapportRequestContext: WorkspaceRequestContext {}
