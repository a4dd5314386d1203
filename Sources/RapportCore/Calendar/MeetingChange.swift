import Foundation

/// What someone sets on a meeting (made or changed); nil leaves a field as it is, `.some(nil)`
/// clears it.
public struct MeetingChange: Sendable, Equatable {
    public var title: String?
    public var startsAt: Date?
    public var endsAt: Date?
    public var timeZone: String?
    public var location: String??
    public var description: String??
    public var ownerID: String?
    public var attendees: [MeetingAttendeeDraft]?
    public var recurrence: MeetingRecurrence??
    public var status: MeetingStatus?
    public var dealID: String??
    public var customerID: String??
    /// Whether this change e-mails the attendees (default true); not kept with the meeting.
    public var sendInvitations: Bool = true

    public init(
        title: String? = nil, startsAt: Date? = nil, endsAt: Date? = nil, timeZone: String? = nil, location: String?? = nil, description: String?? = nil,
        ownerID: String? = nil, attendees: [MeetingAttendeeDraft]? = nil, recurrence: MeetingRecurrence?? = nil, status: MeetingStatus? = nil,
        dealID: String?? = nil, customerID: String?? = nil
    ) {
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
        self.dealID = dealID
        self.customerID = customerID
    }

    /// The API's names of the fields it sets, for the audit entry.
    public var fieldNames: [String] {
        [
            title.map { _ in "title" }, startsAt.map { _ in "starts_at" }, endsAt.map { _ in "ends_at" }, timeZone.map { _ in "time_zone" },
            location.map { _ in "location" }, description.map { _ in "description" }, ownerID.map { _ in "owner_id" },
            attendees.map { _ in "attendees" }, recurrence.map { _ in "recurrence" }, status.map { _ in "status" }, dealID.map { _ in "deal_id" },
            customerID.map { _ in "customer_id" },
        ].compactMap { $0 }
    }
}
