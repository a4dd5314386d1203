/// The failures a service reports to its caller; each maps to one HTTP status in the server.
public enum RapportError: Error, Sendable, Equatable {
    /// The input is malformed or breaks a rule; nothing was written.
    case invalid([FieldError])
    /// The named resource does not exist in this workspace.
    case notFound(String)
    /// The request conflicts with the current state (an identity held by another customer, …).
    case conflict(String)
    /// The resource existed but was merged into another one, whose id is given.
    case mergedInto(String)
    /// The resource existed and was erased for good.
    case gone(String)
    /// The credentials are missing or not valid.
    case unauthorized(String)
    /// The caller is known but their role does not allow this.
    case forbidden(String)
    /// Too many failed attempts: try again after the given number of seconds.
    case tooManyAttempts(String, retryAfterSeconds: Int)
    /// Rapport has more work waiting than it takes on: nothing was accepted; retry later.
    case overloaded(String, retryAfterSeconds: Int)

    /// A single-field validation failure.
    public static func invalid(field: String, _ message: String) -> RapportError {
        .invalid([FieldError(field: field, message: message)])
    }
}
