/// The `meeting.invite` job: e-mail one attendee (by their place in the list) the meeting's
/// version `sequence`, as an invitation or, cancelled, a cancellation. Ids only: the address is
/// read when the job runs.
public struct MeetingInvitePayload: JobPayload {
    public static let jobKind = JobKind.meetingInvite
    public var meetingID: String
    public var workspaceID: String
    public var sequence: Int
    public var position: Int

    public init(meetingID: String, workspaceID: String, sequence: Int, position: Int) {
        self.meetingID = meetingID
        self.workspaceID = workspaceID
        self.sequence = sequence
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case meetingID = "meetingId"
        case workspaceID = "workspaceId"
        case sequence
        case position
    }
}
