import Foundation
import RapportChannels
import RapportCore

/// Runs `meeting.invite` jobs: e-mails one attendee the meeting's invitation or cancellation
/// (iMIP) from the workspace's e-mail inbox, unless a newer version has replaced it.
struct MeetingInviteHandler: JobHandler {
    let meetings: MeetingService
    let sender: EmailSender
    let kind = MeetingInvitePayload.jobKind

    func run(_ job: Job) async throws {
        guard let invitation = try await meetings.invitation(try job.decode(MeetingInvitePayload.self)) else { return }
        _ = try await sender.sendInvitation(invitation)
    }
}
