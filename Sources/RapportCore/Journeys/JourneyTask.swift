import Foundation

/// A task a step makes for a team about the customer (call the new VIP), due some time after.
public struct JourneyTask: Sendable, Equatable {
    public var title: String
    public var teamID: String?
    public var dueAfterSeconds: TimeInterval

    public init(title: String, teamID: String?, dueAfterSeconds: TimeInterval) {
        self.title = title
        self.teamID = teamID
        self.dueAfterSeconds = dueAfterSeconds
    }
}
