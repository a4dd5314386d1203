import Foundation

/// One customer's way through one journey, entered once (ADR 0013): the version they walk,
/// where they are, when they next move (`dueAt`, the runner's only read) and the event they
/// wait for, if any. Finished enrolments stay, for the entry rules and the report.
public struct JourneyEnrolment: Sendable, Equatable {
    public var id: String
    public var journeyID: String
    public var version: Int
    public var workspaceID: String
    public var customerID: String
    public var status: JourneyEnrolmentStatus
    /// Where they are; nil once finished.
    public var position: JourneyPosition?
    public var dueAt: Date?
    /// The event their step waits for (its name), matched as events commit.
    public var waitEvent: String?
    /// When that event came, not yet walked on from.
    public var eventArrivedAt: Date?
    public var enteredAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// Why it finished: `end`, `exit`, `goal`, `segment_left`, `archived`, `holdout_ended`, `customer_gone`.
    public var endReason: String?
    /// When the goal was reached, if it was.
    public var convertedAt: Date?
    /// Who or what let them in: `trigger`, `api`, `segment_snapshot`.
    public var source: String
    /// The order whose change let them in (a delivery, a return), if one did: what a review
    /// request of the journey asks about.
    public var orderID: String?

    public init(
        id: String, journeyID: String, version: Int, workspaceID: String, customerID: String, status: JourneyEnrolmentStatus,
        position: JourneyPosition?, dueAt: Date?, waitEvent: String? = nil, eventArrivedAt: Date? = nil, enteredAt: Date, updatedAt: Date,
        finishedAt: Date? = nil, endReason: String? = nil, convertedAt: Date? = nil, source: String, orderID: String? = nil
    ) {
        self.id = id
        self.journeyID = journeyID
        self.version = version
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.status = status
        self.position = position
        self.dueAt = dueAt
        self.waitEvent = waitEvent
        self.eventArrivedAt = eventArrivedAt
        self.enteredAt = enteredAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
        self.endReason = endReason
        self.convertedAt = convertedAt
        self.source = source
        self.orderID = orderID
    }
}
