import Foundation

/// Something a person on the team is to do (a call to a new VIP, an e-mail to a lead), by
/// when, by whom or by which team, about which customer. A journey's task step makes one
/// (`journeyID`, and its `origin`: the enrolment, the step and the visit, so a step run twice
/// makes one task); people make them through the API. A task may be about a deal, a lead or a
/// company (ADR 0015), and remind its owner before it is due (an alert at `remindAt`).
public struct WorkTask: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var kind: WorkTaskKind
    public var title: String
    public var status: WorkTaskStatus
    public var dueAt: Date?
    /// The user who is to do it; nil: whoever of the team takes it.
    public var ownerID: String?
    public var teamID: String?
    public var customerID: String?
    public var journeyID: String?
    public var dealID: String?
    public var leadID: String?
    public var companyID: String?
    /// When to remind whoever does it (an alert), before or after `dueAt`; nil: only at `dueAt`.
    public var remindAt: Date?
    /// What made it, once: `enrolment id:step key:visit` for a journey's task step; nil for one made by hand.
    public var origin: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    public var completedBy: String?

    public init(
        id: String, workspaceID: String, kind: WorkTaskKind = .todo, title: String, status: WorkTaskStatus = .open, dueAt: Date? = nil,
        ownerID: String? = nil, teamID: String? = nil, customerID: String? = nil, journeyID: String? = nil, dealID: String? = nil, leadID: String? = nil,
        companyID: String? = nil, remindAt: Date? = nil, origin: String? = nil, createdBy: String, createdAt: Date, updatedAt: Date, completedAt: Date? = nil, completedBy: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.kind = kind
        self.title = title
        self.status = status
        self.dueAt = dueAt
        self.ownerID = ownerID
        self.teamID = teamID
        self.customerID = customerID
        self.journeyID = journeyID
        self.dealID = dealID
        self.leadID = leadID
        self.companyID = companyID
        self.remindAt = remindAt
        self.origin = origin
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.completedBy = completedBy
    }

    /// The first moment an alert may be due (the earlier of the reminder and the due time), for
    /// an open task; nil for one done or cancelled. The alert sweep looks at the task then.
    public var firstAlertAt: Date? {
        guard status == .open else { return nil }
        return [remindAt, dueAt].compactMap { $0 }.min()
    }

    /// After the sweep looked at the task at `now`: its next alert moment still to come, if any.
    public func nextAlertAt(after now: Date) -> Date? {
        guard status == .open else { return nil }
        return [remindAt, dueAt].compactMap { $0 }.filter { $0 > now }.min()
    }

    /// Open and past its due time.
    public func isOverdue(at now: Date) -> Bool {
        status == .open && (dueAt.map { $0 < now } ?? false)
    }
}
