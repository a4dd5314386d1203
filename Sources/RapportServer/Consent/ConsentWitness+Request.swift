import Hummingbird
import RapportCore

extension ConsentWitness {
    /// What Rapport saw of a request that changes consent: a signed-in person's address and
    /// browser, kept as evidence of who recorded the change; nothing for an integration's key,
    /// which relays a change made elsewhere.
    static func observed(_ request: Request, peerAddress: String?, actor: Actor) -> ConsentWitness {
        guard actor.userID != nil else { return .none }
        return person(request, peerAddress: peerAddress)
    }

    /// The address and browser of the person making the request themselves (a customer on
    /// their preference centre).
    static func person(_ request: Request, peerAddress: String?) -> ConsentWitness {
        ConsentWitness(ipAddress: ClientAddress.of(request, peerAddress: peerAddress), userAgent: request.headers[.userAgent])
    }
}
