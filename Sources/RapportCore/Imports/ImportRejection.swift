/// A row an import left out, and why.
public struct ImportRejection: Sendable, Equatable {
    /// The line of the file the row starts on (1 is the header of a CSV file).
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}
