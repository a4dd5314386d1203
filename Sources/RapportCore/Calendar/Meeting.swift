import Foundation

/// A meeting on the team's calendar: when (UTC, with the organiser's time zone, which a
/// recurring meeting keeps across daylight saving), where, who organises it (`ownerID`, a user)
/// and who is asked, about which deal or customer. Every change a calendar shows raises
/// `sequence`; a cancellation keeps the meeting with its status, so calendars learn of it.
public struct Meeting: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    /// Stable across changes: what calendars know the meeting by.
    public var uid: String
    public var title: String
    public var startsAt: Date
    public var endsAt: Date
    /// IANA (`Europe/Berlin`).
    public var timeZone: String
    public var location: String?
    public var description: String?
    public var ownerID: String
    public var attendees: [MeetingAttendee]
    public var recurrence: MeetingRecurrence?
    public var status: MeetingStatus
    public var sequence: Int
    public var dealID: String?
    public var customerID: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, uid: String, title: String, startsAt: Date, endsAt: Date, timeZone: String = "UTC", location: String? = nil,
        description: String? = nil, ownerID: String, attendees: [MeetingAttendee] = [], recurrence: MeetingRecurrence? = nil,
        status: MeetingStatus = .scheduled, sequence: Int = 0, dealID: String? = nil, customerID: String? = nil, createdBy: String, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.uid = uid
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.timeZone = timeZone
        self.location = location
        self.description = description
        self.ownerID = ownerID
        self.attendees = attendees
        self.recurrence = recurrence
        self.status = status
        self.sequence = sequence
        self.dealID = dealID
        self.customerID = customerID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
