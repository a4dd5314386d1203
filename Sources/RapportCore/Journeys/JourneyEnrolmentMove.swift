import Foundation

/// Where a walk left one enrolment, written with the walk's effects: its new status and
/// place, when it is next due, the event it now waits for, and, once it is over, why.
public struct JourneyEnrolmentMove: Sendable, Equatable {
    public var enrolmentID: String
    public var status: JourneyEnrolmentStatus
    public var position: JourneyPosition?
    public var dueAt: Date?
    public var waitEvent: String?
    public var finishedAt: Date?
    public var endReason: String?

    public init(
        enrolmentID: String, status: JourneyEnrolmentStatus, position: JourneyPosition?, dueAt: Date?, waitEvent: String? = nil,
        finishedAt: Date? = nil, endReason: String? = nil
    ) {
        self.enrolmentID = enrolmentID
        self.status = status
        self.position = position
        self.dueAt = dueAt
        self.waitEvent = waitEvent
        self.finishedAt = finishedAt
        self.endReason = endReason
    }
}
