/// A sender's hold on resolving a campaign's audience: where to go on from (nil: the start).
public struct AudienceLease: Sendable, Equatable {
    public var cursor: String?

    public init(cursor: String?) {
        self.cursor = cursor
    }
}
