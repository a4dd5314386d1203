/// What a handler throws to say how its job failed. Any other error counts as `.retry`.
public enum JobFailure: Error, Sendable, Equatable {
    /// Worth trying again later (a timeout, a 5xx, a 429).
    case retry(String)
    /// Trying again cannot help (the provider refused the request as invalid): dead at once.
    case permanent(String)

    /// The failure in words, whichever kind it is.
    public var reason: String {
        switch self {
        case .retry(let text), .permanent(let text): text
        }
    }
}
