/// A write lost a race: another transaction committed the same unique value (an identity, an
/// idempotency key) first. Nothing of the losing transaction was written; running it again
/// sees the winner's data.
public struct StoreConflict: Error, Sendable, Equatable {
    public init() {}
}
