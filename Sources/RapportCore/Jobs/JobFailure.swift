/// What a handler throws to say how its job failed. Any other error counts as `.retry`.
public enum JobFailure: Error, Sendable, Equatable {
    /// Worth trying again later (a timeout, a 5xx, a 429).
    case retry(String)
    /// Trying again cannot help (the provider refused the request as invalid): dead at once.
    case permanent(String)
}
