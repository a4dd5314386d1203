/// Why an interaction log could not be read.
public struct InteractionLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
