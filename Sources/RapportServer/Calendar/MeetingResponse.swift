import Foundation
import RapportCore

/// A meeting as the API shows it.
struct MeetingResponse: Encodable {
    let object = "meeting"
    let id: String
    let uid: String
    let title: String
    let startsAt: String
    let endsAt: String
    let timeZone: String
    let location: String?
    let description: String?
    let ownerId: String
    let attendees: [MeetingAttendeeResponse]
    let recurrence: MeetingRecurrenceResponse?
    let status: String
    let sequence: Int
    let dealId: String?
    let customerId: String?
    let createdBy: String
    let createdAt: String
    let updatedAt: String

    init(_ meeting: Meeting) {
        id = meeting.id
        uid = meeting.uid
        title = meeting.title
        startsAt = Timestamp.iso8601(meeting.startsAt)
        endsAt = Timestamp.iso8601(meeting.endsAt)
        timeZone = meeting.timeZone
        location = meeting.location
        description = meeting.description
        ownerId = meeting.ownerID
        attendees = meeting.attendees.map(MeetingAttendeeResponse.init)
        recurrence = meeting.recurrence.map(MeetingRecurrenceResponse.init)
        status = meeting.status.rawValue
        sequence = meeting.sequence
        dealId = meeting.dealID
        customerId = meeting.customerID
        createdBy = meeting.createdBy
        createdAt = Timestamp.iso8601(meeting.createdAt)
        updatedAt = Timestamp.iso8601(meeting.updatedAt)
    }
}
