import Foundation
import RapportCore

/// An iMIP message (RFC 6047 §2.4): `multipart/alternative` with the plain text and the
/// `text/calendar` part whose `method` parameter matches the calendar's `METHOD`, so mail
/// clients show the invitation (or the cancellation) with its buttons.
enum InvitationMessageComposer {
    static func compose(
        _ invitation: MeetingInvitation, from address: String, displayName: String, at date: Date
    ) -> (message: String, messageID: String) {
        let domain = EmailSender.domain(of: address).lowercased()
        let messageID = "\(invitation.meeting.id.lowercased())-\(invitation.meeting.sequence)-\(UUID().uuidString.lowercased())@\(domain)"
        let boundary = "rapport-imip-\(invitation.meeting.id)-\(invitation.meeting.sequence)"
        let headers: [String] = [
            HeaderText.line("From", EmailAddress(name: displayName, address: address).headerValue),
            HeaderText.line("To", EmailAddress(name: invitation.attendee.name, address: invitation.attendee.email).headerValue),
            HeaderText.line("Subject", invitation.subject),
            "Date: \(EmailSender.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            // RFC 3834: sent by a program, so auto-responders do not answer it.
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        let parts = [
            // Text in its canonical form (RFC 2046): lines end in CRLF.
            ("text/plain; charset=utf-8", invitation.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")),
            ("text/calendar; method=\(invitation.method); charset=utf-8", invitation.calendar),
        ].map { type, content in
            "--\(boundary)\r\nContent-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n\r\n" + CampaignMessageComposer.base64Lines(content) + "\r\n"
        }
        return (headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n", messageID)
    }
}
