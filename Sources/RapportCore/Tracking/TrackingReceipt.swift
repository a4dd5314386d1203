/// What a tracking batch did.
public struct TrackingReceipt: Sendable, Equatable {
    /// Calls stored now.
    public var stored: Int
    /// Calls whose `messageId` was stored before (or repeated in the batch), skipped.
    public var duplicates: Int

    public init(stored: Int, duplicates: Int) {
        self.stored = stored
        self.duplicates = duplicates
    }
}
