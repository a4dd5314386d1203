import Foundation

/// An open stage with a stuck limit, as the alert sweep reads it: deals that entered it before
/// now − `stuckAfterDays` are stuck, and those up to (`sweptUntil`, `sweptID`) in (entry time,
/// id) order were looked at already.
public struct StuckStageWatch: Sendable, Equatable {
    public var stageID: String
    public var workspaceID: String
    public var stuckAfterDays: Int
    public var sweptUntil: Date?
    public var sweptID: String?

    public init(stageID: String, workspaceID: String, stuckAfterDays: Int, sweptUntil: Date?, sweptID: String?) {
        self.stageID = stageID
        self.workspaceID = workspaceID
        self.stuckAfterDays = stuckAfterDays
        self.sweptUntil = sweptUntil
        self.sweptID = sweptID
    }
}
