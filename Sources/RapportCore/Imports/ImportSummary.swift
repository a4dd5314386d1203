/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var rejected: [ImportRejection] = []

    public init() {}
}
