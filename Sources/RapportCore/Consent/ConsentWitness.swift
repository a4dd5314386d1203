/// Where Rapport saw a person act on their consent: the address and browser of the request.
/// Empty for a system's call (an API key, a webhook), which relays a change made elsewhere.
public struct ConsentWitness: Sendable, Equatable {
    public var ipAddress: String?
    public var userAgent: String?

    public init(ipAddress: String? = nil, userAgent: String? = nil) {
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }

    public static let none = ConsentWitness()
}
