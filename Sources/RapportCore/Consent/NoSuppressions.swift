/// The suppression list of a channel that keeps none (one that only answers).
public struct NoSuppressions: SuppressionLookup {
    public init() {}

    public var isEmpty: Bool { true }

    public func reasons(for address: String) -> [SuppressionReason] { [] }
}
