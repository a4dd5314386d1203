/// extruct could not read the page (not installed, or the page is not HTML it parses).
public struct JSONLDCheckError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
