import Foundation

/// What a definition is evaluated against: the workspace, the moment (relative dates and
/// windows resolve against it), and the currency money conditions count in.
public struct SegmentScope: Sendable {
    public var workspaceID: String
    public var now: Date
    /// The workspace's main currency (most orders); money conditions count only its orders.
    public var currency: String

    public init(workspaceID: String, now: Date, currency: String) {
        self.workspaceID = workspaceID
        self.now = now
        self.currency = currency
    }

    /// A money condition's value in the currency's minor units.
    public func minorUnits(_ major: Double) -> Int64 {
        Currency.minorUnits(fromMajor: major, currency: currency) ?? Int64(exactly: major.rounded()) ?? (major < 0 ? Int64.min : Int64.max)
    }
}
