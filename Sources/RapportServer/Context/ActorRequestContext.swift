import Hummingbird
import RapportCore

/// A request context that always knows who is asking (the typed contexts of authenticated
/// routes); routes on it can name the permission they need (`RouterGroup+Permission`).
public protocol ActorRequestContext: RequestContext {
    var actor: Actor { get }
}
