/// What a handler throws to say how its job failed. Any other error counts as `.retry`.
public enum JobFailure: Error, Sendable, Equatable {
    /// Worth trying again later (a timeout, a 5xx).
    case retry(String)
    /// The provider asked for fewer requests (HTTP 429, or its own rate-limit code): worth
    /// trying again later, as `retry`; a sender of many messages also slows down.
    case rateLimited(String)
    /// Trying again cannot help (the provider refused the request as invalid): dead at once.
    case permanent(String)

    /// The failure in words, whichever kind it is.
    public var reason: String {
        switch self {
        case .retry(let text), .rateLimited(let text), .permanent(let text): text
        }
    }
}
