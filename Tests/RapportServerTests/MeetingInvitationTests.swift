import Foundation
import HummingbirdTesting
import RapportChannels
import RapportCore
import RapportTestSupport
import Testing

/// Meeting invitations by e-mail (iMIP, RFC 6047) through the inbox's real SMTP path to the
/// sink: a `text/calendar; method=REQUEST` part beside the text, DKIM-signed, one per attendee
/// but the organiser; a new version when what a calendar shows changes, and a `CANCEL` with
/// `STATUS:CANCELLED` and a higher sequence when the meeting is called off.
@Suite("Meeting invitations by e-mail")
struct MeetingInvitationTests {
    /// The calendar part of a received message, with its method parameter, and its text part.
    static func parts(_ message: [UInt8]) throws -> (method: String?, calendar: String, text: String) {
        let parts = MIMEParser.parse(message).allParts
        let calendar = try #require(parts.first { $0.contentType.type == "text/calendar" }, "no calendar part")
        let text = parts.first { $0.contentType.type == "text/plain" }?.text ?? ""
        return (calendar.contentType.parameters["method"], calendar.text, text)
    }

    @Test("an invitation, an update and a cancellation reach the attendee as signed iMIP mail that icalendar reads; the organiser gets none", arguments: TestDatabase.available)
    func invitations(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
            let key = try DKIMKey.generate(.rsaSHA256)
            let inbox = try await api.services.inboxes.inbox(id: inboxID, channel: .email)
            _ = try await api.services.inboxes.updateInbox(
                id: inboxID, name: inbox.name, settingChanges: ["dkim_domain": "shop.test", "dkim_selector": "s2026", "dkim_private_key": key.pemRepresentation],
                teamID: nil, slaPolicyID: nil, as: operatorActor)
            let rep = try await api.services.users.create(email: "rep@shop.test", name: "Rina Rep", role: .manager, password: "invite-pass-1", as: operatorActor).user
            let customer = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "buyer@cafe.example"}"#).object["id"] as? String)
            let made = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Samples review", "starts_at": "2027-03-10T13:00:00Z", "ends_at": "2027-03-10T14:00:00Z", "owner_id": "\(rep.id)",
                 "location": "Berlin store", "attendees": [{"email": "buyer@cafe.example", "name": "Bea, \\"the\\" Buyer"}, {"user_id": "\(rep.id)"}]}
                """)
            let meetingID = try #require(made.object["id"] as? String, "\(made.text)")
            try await api.runJobs()
            let first = try sink.received()
            #expect(first.count == 1 && (first.first?.envelope["to"] as? [String]) == ["buyer@cafe.example"], "the organiser is not invited to their own meeting")
            let message = try #require(first.first?.message)
            let signature = try DKIMCheck.dkimpy(message, record: key.dnsRecord.text)
            #expect(signature.status == 0, "\(signature.output)")
            let request = try Self.parts(message)
            #expect(request.method == "REQUEST" && request.text.contains("Rina Rep invites you to Samples review") && request.text.contains("Where: Berlin store"))
            let read = try ICSCheck.read(request.calendar, from: "2027-03-01", to: "2027-04-01")
            #expect(read["method"] as? String == "REQUEST")
            let event = try #require((read["events"] as? [[String: Any]])?.first)
            #expect(event["sequence"] as? Int == 0 && event["status"] as? String == "CONFIRMED" && event["organizer"] as? String == "mailto:rep@shop.test")
            #expect((event["attendees"] as? [String])?.contains("mailto:buyer@cafe.example") == true && (event["uid"] as? String)?.hasPrefix(meetingID) == true)
            let unfolded = request.calendar.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("ATTENDEE;CN=\"Bea, the Buyer\";"), "a name with a comma is quoted, its quotes left out")

            // The customer it is about is the team's bookkeeping: no new version, no mail.
            try sink.clear()
            let about = try await api.send(.patch, "/api/v1/meetings/\(meetingID)", json: #"{"customer_id": "\#(customer)"}"#)
            #expect(about.object["sequence"] as? Int == 0 && about.object["customer_id"] as? String == customer)
            try await api.runJobs()
            #expect(try sink.received().isEmpty)

            let moved = try await api.send(.patch, "/api/v1/meetings/\(meetingID)", json: #"{"location": "Hamburg store"}"#)
            #expect(moved.object["sequence"] as? Int == 1)
            try await api.runJobs()
            let update = try Self.parts(try #require(try sink.received().first?.message))
            #expect(update.method == "REQUEST" && update.calendar.contains("SEQUENCE:1") && update.calendar.contains("LOCATION:Hamburg store"))

            try sink.clear()
            #expect(try await api.send(.patch, "/api/v1/meetings/\(meetingID)", json: #"{"status": "cancelled"}"#).object["sequence"] as? Int == 2)
            try await api.runJobs()
            let cancelled = try sink.received()
            #expect(cancelled.count == 1)
            let cancel = try Self.parts(try #require(cancelled.first?.message))
            #expect(cancel.method == "CANCEL" && cancel.text.contains("has cancelled"))
            let reread = try ICSCheck.read(cancel.calendar, from: "2027-03-01", to: "2027-04-01")
            let cancelledEvent = try #require((reread["events"] as? [[String: Any]])?.first)
            #expect(reread["method"] as? String == "CANCEL" && cancelledEvent["status"] as? String == "CANCELLED" && cancelledEvent["sequence"] as? Int == 2)
            #expect(cancelledEvent["uid"] as? String == event["uid"] as? String, "the same UID, so the calendar removes the event it holds")
            #expect(unfolded.contains("ORGANIZER;CN=Rina Rep;SENT-BY=\"mailto:support@shop.test\":mailto:rep@shop.test"), "the inbox sends for the organiser")

            // A meeting logged after the fact, or one the change asks to keep quiet, e-mails no one.
            try sink.clear()
            _ = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Quiet", "starts_at": "2027-03-11T13:00:00Z", "ends_at": "2027-03-11T14:00:00Z", "owner_id": "\(rep.id)",
                 "attendees": [{"email": "buyer@cafe.example"}], "send_invitations": false}
                """)
            _ = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Last week's visit", "starts_at": "2020-03-11T13:00:00Z", "ends_at": "2020-03-11T14:00:00Z", "owner_id": "\(rep.id)",
                 "attendees": [{"email": "buyer@cafe.example"}]}
                """)
            try await api.runJobs()
            #expect(try sink.received().isEmpty)
        }
    }
}
