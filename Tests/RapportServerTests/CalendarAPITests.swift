import Foundation
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/meetings` and `/api/v1/calendar_feeds`: meetings made, changed and cancelled, and
/// the secret ICS feed read by `icalendar` and expanded by `recurring-ical-events` as calendar
/// clients' libraries do — cancellations, sequences, time zones across daylight saving,
/// recurrence, tasks, folding — revoked and guarded.
@Suite("Meetings and calendar feeds API")
struct CalendarAPITests {
    /// The feed's path (the answer's URL without its base).
    static func path(of url: String) -> String {
        String(url.dropFirst(APIHarness.publicURL.count))
    }

    @Test("the ICS feed holds meetings and tasks as icalendar reads them: UTC, a weekly TZID meeting across DST, a cancellation with a higher sequence", arguments: TestDatabase.available)
    func feed(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let rep = try await api.services.users.create(email: "rep@shop.test", name: "Rina Rep", role: .agent, password: "calendar-pass-1", as: operatorActor).user
            let single = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "Samples review, café chain", "starts_at": "2027-03-10T13:00:00Z", "ends_at": "2027-03-10T14:00:00Z", "owner_id": "\(rep.id)",
                 "location": "Berlin store; room 2", "attendees": [{"email": "Buyer@Cafe.example", "name": "Bea Buyer"}]}
                """)
            #expect(single.status == .created && single.object["status"] as? String == "scheduled" && single.object["sequence"] as? Int == 0, "\(single.text)")
            let singleID = try #require(single.object["id"] as? String)
            let title = String(repeating: "Größe, Menge; Preis – ", count: 8) + "Ende"
            let weekly = try await api.send(.post, "/api/v1/meetings", json: """
                {"title": "\(title)", "starts_at": "2027-03-08T08:00:00Z", "ends_at": "2027-03-08T08:30:00Z", "owner_id": "\(rep.id)",
                 "time_zone": "Europe/Berlin", "recurrence": {"frequency": "weekly", "by_day": ["MO"], "count": 6}}
                """)
            #expect(weekly.status == .created && (weekly.object["recurrence"] as? [String: Any])?["rule"] as? String == "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6", "\(weekly.text)")
            let weeklyID = try #require(weekly.object["id"] as? String)
            let task = try await api.send(.post, "/api/v1/tasks", json: #"{"kind": "call", "title": "Call the café back", "due_at": "2027-03-09T10:00:00Z", "remind_at": "2027-03-09T09:45:00Z", "owner_id": "\#(rep.id)"}"#)
            #expect(task.status == .created)

            let made = try await api.send(.post, "/api/v1/calendar_feeds", json: #"{"user_id": "\#(rep.id)"}"#)
            #expect(made.status == .created, "\(made.text)")
            let url = try #require(made.object["url"] as? String)
            #expect(url.hasPrefix(APIHarness.publicURL + "/calendar/cal_") && url.hasSuffix(".ics"))
            let first = try await api.send(.get, Self.path(of: url))
            #expect(first.status == .ok && first.headers[.contentType] == "text/calendar; charset=utf-8")
            let read = try ICSCheck.read(first.text, from: "2027-03-01", to: "2027-05-01")
            #expect(read["version"] as? String == "2.0" && (read["prodid"] as? String)?.contains("Rapport") == true)
            let checks = try #require(read["checks"] as? [String: Any])
            #expect(checks["ends_in_crlf"] as? Bool == true && checks["bare_lf"] as? Bool == false && checks["lines_decode"] as? Bool == true)
            #expect((checks["longest_line"] as? Int ?? 99) <= 75 && (checks["folded_lines"] as? Int ?? 0) > 0, "\(checks)")
            let events = try #require(read["events"] as? [[String: Any]])
            #expect(events.count == 3, "two meetings and a task: \(events)")
            let weeklyEvent = try #require(events.first { ($0["uid"] as? String)?.hasPrefix(weeklyID) == true })
            #expect(weeklyEvent["summary"] as? String == title, "folding and escaping give the title back whole")
            #expect(weeklyEvent["tzid"] as? String == "Europe/Berlin" && (read["timezones"] as? [String]) == ["Europe/Berlin"])
            let occurrences = try #require((read["occurrences"] as? [String: [[String: Any]]])?[weeklyEvent["uid"] as? String ?? ""])
            let starts = occurrences.compactMap { $0["start"] as? String }
            #expect(starts.count == 6 && starts.allSatisfy { $0.contains("T09:00:00") }, "09:00 in Berlin each Monday, before and after the clocks change: \(starts)")
            #expect(starts.first?.hasSuffix("+01:00") == true && starts.last?.hasSuffix("+02:00") == true)
            let embedded = try #require((read["embedded_occurrences"] as? [String: [[String: Any]]])?[weeklyEvent["uid"] as? String ?? ""])
            #expect(embedded.compactMap { $0["start"] as? String } == starts, "Rapport's own VTIMEZONE places them the same: \(embedded)")
            #expect((read["errors"] as? [Any])?.isEmpty ?? true)
            let singleEvent = try #require(events.first { ($0["uid"] as? String)?.hasPrefix(singleID) == true })
            #expect(singleEvent["dtstart"] as? String == "2027-03-10T13:00:00+00:00" && singleEvent["status"] as? String == "CONFIRMED")
            #expect(singleEvent["location"] as? String == "Berlin store; room 2" && (singleEvent["attendees"] as? [String]) == ["mailto:buyer@cafe.example"])
            #expect(singleEvent["organizer"] as? String == "mailto:rep@shop.test")
            let taskEvent = try #require(events.first { $0["summary"] as? String == "Task: Call the café back" }, "\(events)")
            #expect(taskEvent["dtstart"] as? String == "2027-03-09T10:00:00+00:00")
            let alarms = taskEvent["alarms"] as? [[String: Any]]
            #expect(alarms?.count == 1 && alarms?.first?["action"] as? String == "DISPLAY" && alarms?.first?["trigger"] as? String == "2027-03-09T09:45:00+00:00", "the reminder is the event's alarm: \(String(describing: alarms))")
            #expect(events.allSatisfy { ($0["errors"] as? [Any])?.isEmpty ?? true })

            let tag = try #require(first.headers[.eTag])
            let unchanged = try await api.send(.get, Self.path(of: url), headers: [("If-None-Match", tag)])
            #expect(unchanged.status == .notModified, "a poll that has this version gets a 304")

            api.clock.advance(by: 60)
            let cancelled = try await api.send(.patch, "/api/v1/meetings/\(singleID)", json: #"{"status": "cancelled"}"#)
            #expect(cancelled.object["status"] as? String == "cancelled" && cancelled.object["sequence"] as? Int == 1)
            let after = try await api.send(.get, Self.path(of: url), headers: [("If-None-Match", tag)])
            #expect(after.status == .ok, "the calendar changed")
            let reread = try ICSCheck.read(after.text, from: "2027-03-01", to: "2027-05-01")
            let cancelledEvent = try #require((reread["events"] as? [[String: Any]])?.first { ($0["uid"] as? String)?.hasPrefix(singleID) == true })
            #expect(cancelledEvent["status"] as? String == "CANCELLED" && cancelledEvent["sequence"] as? Int == 1)
            #expect(cancelledEvent["dtstamp"] as? String != singleEvent["dtstamp"] as? String, "DTSTAMP is the last change")

            let feedID = try #require(made.object["id"] as? String)
            let wrongSecret = url.replacingOccurrences(of: "/\(feedID)/", with: "/\(feedID)/x")
            #expect(try await api.send(.get, Self.path(of: wrongSecret)).status == .notFound)
            let listed = try await api.send(.get, "/api/v1/calendar_feeds?user_id=\(rep.id)")
            #expect((listed.object["data"] as? [[String: Any]])?.first?["url"] is NSNull, "the secret is shown once")
            #expect(try await api.send(.delete, "/api/v1/calendar_feeds/\(feedID)").status == .noContent)
            #expect(try await api.send(.get, Self.path(of: url)).status == .notFound, "a revoked feed is gone")
        }
    }

    @Test("a user makes their own feed, only admins and managers another's; bad meetings are a 422 naming the field and change nothing", arguments: TestDatabase.available)
    func guards(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let agent = try await api.services.users.create(email: "a@shop.test", name: "Agent", role: .agent, password: "calendar-pass-2", as: operatorActor).user
            let marketer = try await api.services.users.create(email: "m@shop.test", name: "Marketer", role: .marketer, password: "calendar-pass-3", as: operatorActor).user
            let own = try await api.services.calendarFeeds.create(userID: marketer.id, as: Actor.user(marketer, teamIDs: []))
            #expect(own.feed.userID == marketer.id && own.secret.count == 24)
            await #expect(throws: RapportError.self) { try await api.services.calendarFeeds.create(userID: marketer.id, as: Actor.user(agent, teamIDs: [])) }
            await #expect(throws: RapportError.self) { try await api.services.calendarFeeds.revoke(id: own.feed.id, as: Actor.user(agent, teamIDs: [])) }
            #expect(try await api.send(.post, "/api/v1/calendar_feeds", json: #"{"user_id": "usr_01M00000000000000000000000"}"#).status == .unprocessableContent)

            let base = #""title": "Visit", "owner_id": "\#(agent.id)""#
            for (body, field) in [
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T09:00:00Z"}"#, "ends_at"),
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z", "time_zone": "Mars/Base"}"#, "time_zone"),
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z", "recurrence": {"frequency": "weekly", "by_day": ["XX"]}}"#, "by_day"),
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z", "recurrence": {"frequency": "hourly"}}"#, "frequency"),
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z", "attendees": [{"email": "not-an-address"}]}"#, "email"),
                (#"{\#(base), "ends_at": "2027-01-01T11:00:00Z"}"#, "starts_at"),
                (#"{"title": "Visit", "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z"}"#, "owner_id"),
                (#"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z", "status": "maybe"}"#, "status"),
            ] {
                let refused = try await api.send(.post, "/api/v1/meetings", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            #expect((try await api.send(.get, "/api/v1/meetings").object["data"] as? [Any])?.isEmpty == true, "no refused meeting was made")
            let made = try await api.send(.post, "/api/v1/meetings", json: #"{\#(base), "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z"}"#)
            let id = try #require(made.object["id"] as? String)
            let moved = try await api.send(.patch, "/api/v1/meetings/\(id)", json: #"{"starts_at": "2027-01-01T12:00:00Z"}"#)
            #expect(moved.status == .unprocessableContent && moved.text.contains("ends_at"), "a start after the end is refused")
            let again = try await api.send(.patch, "/api/v1/meetings/\(id)", json: #"{"starts_at": "2027-01-01T10:00:00Z"}"#)
            #expect(again.object["sequence"] as? Int == 0, "a change that changes nothing keeps the sequence")
            let listed = try await api.send(.get, "/api/v1/meetings?owner_id=\(agent.id)&status=scheduled")
            #expect((listed.object["data"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("a customer's export holds the meetings about them and their attendee rows; an erasure takes them out of both, by profile and by address; a merge moves meetings", arguments: TestDatabase.available)
    func privacy(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let rep = try await api.services.users.create(email: "owner@shop.test", name: "Owner", role: .manager, password: "calendar-pass-4", as: operatorActor).user
            let ana = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "ana@buyer.example"}"#).object["id"] as? String)
            let ben = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "ben@buyer.example"}"#).object["id"] as? String)
            let times = #""starts_at": "2027-02-01T10:00:00Z", "ends_at": "2027-02-01T11:00:00Z", "owner_id": "\#(rep.id)""#
            let about = try await api.send(.post, "/api/v1/meetings", json: #"{"title": "Ana's order", \#(times), "customer_id": "\#(ana)", "attendees": [{"customer_id": "\#(ana)"}]}"#)
            let aboutID = try #require(about.object["id"] as? String, "\(about.text)")
            #expect((about.object["attendees"] as? [[String: Any]])?.first?["email"] as? String == "ana@buyer.example")
            let shared = try await api.send(.post, "/api/v1/meetings", json: #"{"title": "Buyers' day", \#(times), "attendees": [{"email": "ANA@buyer.example"}, {"customer_id": "\#(ben)"}]}"#)
            let sharedID = try #require(shared.object["id"] as? String)
            let export = try await api.send(.get, "/api/v1/customers/\(ana)/export")
            #expect(export.text.contains(aboutID) && export.text.contains(sharedID), "both meetings are in Ana's export")

            // A merge moves the meeting about the merged profile to the survivor.
            let anna = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "anna@buyer.example"}"#).object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/customers/\(anna)/merge", json: #"{"from_customer_id":"\#(ana)"}"#).status == .created)
            #expect(try await api.send(.get, "/api/v1/meetings/\(aboutID)").object["customer_id"] as? String == anna)

            #expect(try await api.send(.post, "/api/v1/customers/\(anna)/erase").status == .ok)
            let kept = try await api.send(.get, "/api/v1/meetings/\(aboutID)")
            #expect(kept.status == .ok && kept.object["customer_id"] is NSNull && (kept.object["attendees"] as? [Any])?.isEmpty == true,
                "the meeting about her stays (attendees' calendars hold it) without her: \(kept.text)")
            let left = try await api.send(.get, "/api/v1/meetings/\(sharedID)")
            #expect((left.object["attendees"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["ben@buyer.example"], "her place among the attendees went, by address: \(left.text)")
        }
    }
}
