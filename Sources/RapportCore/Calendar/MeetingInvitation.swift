/// What a `meeting.invite` job e-mails: to whom, from which inbox, the subject and text, and the
/// iCalendar part with its method (`REQUEST`, or `CANCEL` for a cancelled meeting).
public struct MeetingInvitation: Sendable, Equatable {
    public var meeting: Meeting
    public var attendee: MeetingAttendee
    public var inbox: Inbox
    public var method: String
    public var subject: String
    public var text: String
    public var calendar: String

    public init(meeting: Meeting, attendee: MeetingAttendee, inbox: Inbox, method: String, subject: String, text: String, calendar: String) {
        self.meeting = meeting
        self.attendee = attendee
        self.inbox = inbox
        self.method = method
        self.subject = subject
        self.text = text
        self.calendar = calendar
    }
}
