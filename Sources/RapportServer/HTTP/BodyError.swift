/// A request body that could not be read at all, before any field was looked at.
enum BodyError: Error {
    case malformedJSON(String)
    case notAnObject
    case unsupportedMediaType(String)
    /// Over an endpoint's own limit; the message says which.
    case tooLarge(String)
    case unsupportedEncoding(String)
    case corruptEncoding
}
