import RapportCore

/// Someone asked to a meeting.
struct MeetingAttendeeResponse: Encodable {
    let email: String
    let name: String?
    let userId: String?
    let customerId: String?

    init(_ attendee: MeetingAttendee) {
        email = attendee.email
        name = attendee.name
        userId = attendee.userID
        customerId = attendee.customerID
    }
}
