import Foundation

/// Response-time targets, counted in business hours when the policy has them.
public struct SLAPolicy: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var firstResponseSeconds: Int?
    public var nextResponseSeconds: Int?
    public var resolutionSeconds: Int?
    public var businessHours: BusinessHours?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, name: String, firstResponseSeconds: Int?, nextResponseSeconds: Int?,
        resolutionSeconds: Int?, businessHours: BusinessHours?, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.firstResponseSeconds = firstResponseSeconds
        self.nextResponseSeconds = nextResponseSeconds
        self.resolutionSeconds = resolutionSeconds
        self.businessHours = businessHours
        self.createdAt = createdAt
    }

    /// When a target of `seconds` counted from `start` falls due.
    public func due(_ seconds: Int?, from start: Date) -> Date? {
        guard let seconds else { return nil }
        return businessHours?.adding(TimeInterval(seconds), to: start) ?? start.addingTimeInterval(TimeInterval(seconds))
    }
}
