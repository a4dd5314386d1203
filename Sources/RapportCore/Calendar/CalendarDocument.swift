import Foundation

/// A user's calendar as iCalendar text (RFC 5545) for subscribed calendars: their meetings as
/// `VEVENT`s — single ones in UTC, recurring ones in the organiser's `TZID` with its
/// `VTIMEZONE` and an `RRULE`, cancelled ones with `STATUS:CANCELLED`, each with its `UID`,
/// `SEQUENCE` and a `DTSTAMP` of its last change (stable between polls) — and their open tasks
/// with a due time as 15-minute `VEVENT`s (subscribed calendars show no `VTODO`).
public enum CalendarDocument {
    public static func render(calendarName: String, meetings: [Meeting], tasks: [WorkTask], users: [String: User], now: Date) -> String {
        var text = ICalendarText()
        text.begin("VCALENDAR")
        text.property("PRODID", [], "-//Rapport//Sales calendar//EN")
        text.property("VERSION", [], "2.0")
        text.property("CALSCALE", [], "GREGORIAN")
        text.property("X-WR-CALNAME", [], ICalendarText.text(calendarName))
        text.property("REFRESH-INTERVAL", [("VALUE", "DURATION")], "PT1H")
        text.property("X-PUBLISHED-TTL", [], "PT1H")
        let zones = Set(meetings.filter { $0.recurrence != nil && $0.timeZone != "UTC" }.map(\.timeZone)).sorted()
        for identifier in zones {
            guard let zone = TimeZone(identifier: identifier) else { continue }
            let starts = meetings.filter { $0.timeZone == identifier }.map(\.startsAt)
            let first = (starts.min() ?? now).addingTimeInterval(-366 * 86_400)
            ICalendarTimeZone.write(zone, from: first, to: max(starts.max() ?? now, now).addingTimeInterval(10 * 366 * 86_400), into: &text)
        }
        for meeting in meetings { event(meeting, organiser: users[meeting.ownerID], into: &text) }
        for task in tasks {
            guard let due = task.dueAt else { continue }
            text.begin("VEVENT")
            text.property("UID", [], "\(task.id)@rapport")
            text.property("DTSTAMP", [], ICalendarText.utc(task.updatedAt))
            text.property("DTSTART", [], ICalendarText.utc(due))
            text.property("DTEND", [], ICalendarText.utc(due.addingTimeInterval(15 * 60)))
            text.property("SUMMARY", [], ICalendarText.text("Task: \(task.title)"))
            text.property("CATEGORIES", [], "TASK")
            text.property("TRANSP", [], "TRANSPARENT")
            if let remindAt = task.remindAt {
                // The task's reminder as the calendar's own alarm (RFC 5545 §3.6.6), at its moment.
                text.begin("VALARM")
                text.property("ACTION", [], "DISPLAY")
                text.property("DESCRIPTION", [], ICalendarText.text("Task: \(task.title)"))
                text.property("TRIGGER", [("VALUE", "DATE-TIME")], ICalendarText.utc(remindAt))
                text.end("VALARM")
            }
            text.end("VEVENT")
        }
        text.end("VCALENDAR")
        return text.rendered
    }

    /// One meeting for an iMIP message (RFC 6047): `METHOD` `REQUEST` or `CANCEL`, the zone it
    /// needs, and the event with its organiser (the user, else the sending address) and
    /// attendees.
    public static func invitation(_ meeting: Meeting, organiser: User?, sender: String, method: String) -> String {
        var text = ICalendarText()
        text.begin("VCALENDAR")
        text.property("PRODID", [], "-//Rapport//Sales calendar//EN")
        text.property("VERSION", [], "2.0")
        text.property("CALSCALE", [], "GREGORIAN")
        text.property("METHOD", [], method)
        if meeting.recurrence != nil, meeting.timeZone != "UTC", let zone = TimeZone(identifier: meeting.timeZone) {
            ICalendarTimeZone.write(
                zone, from: meeting.startsAt.addingTimeInterval(-366 * 86_400), to: meeting.startsAt.addingTimeInterval(10 * 366 * 86_400), into: &text)
        }
        event(meeting, organiser: organiser, fallbackOrganiser: sender, into: &text)
        text.end("VCALENDAR")
        return text.rendered
    }

    /// One meeting as a `VEVENT`.
    static func event(_ meeting: Meeting, organiser: User?, fallbackOrganiser: String? = nil, into text: inout ICalendarText) {
        text.begin("VEVENT")
        text.property("UID", [], meeting.uid)
        text.property("DTSTAMP", [], ICalendarText.utc(meeting.updatedAt))
        text.property("CREATED", [], ICalendarText.utc(meeting.createdAt))
        text.property("LAST-MODIFIED", [], ICalendarText.utc(meeting.updatedAt))
        text.property("SEQUENCE", [], String(meeting.sequence))
        if let recurrence = meeting.recurrence, meeting.timeZone != "UTC", let zone = TimeZone(identifier: meeting.timeZone) {
            text.property("DTSTART", [("TZID", meeting.timeZone)], ICalendarText.local(meeting.startsAt, in: zone))
            text.property("DTEND", [("TZID", meeting.timeZone)], ICalendarText.local(meeting.endsAt, in: zone))
            text.property("RRULE", [], recurrence.rule)
        } else {
            text.property("DTSTART", [], ICalendarText.utc(meeting.startsAt))
            text.property("DTEND", [], ICalendarText.utc(meeting.endsAt))
            if let recurrence = meeting.recurrence { text.property("RRULE", [], recurrence.rule) }
        }
        text.property("SUMMARY", [], ICalendarText.text(meeting.title))
        if let location = meeting.location { text.property("LOCATION", [], ICalendarText.text(location)) }
        if let description = meeting.description { text.property("DESCRIPTION", [], ICalendarText.text(description)) }
        text.property("STATUS", [], meeting.status == .cancelled ? "CANCELLED" : "CONFIRMED")
        if let organiser {
            // In an invitation the inbox sends for the organiser (RFC 5545 SENT-BY): mail
            // clients see why the From address differs.
            let sentBy = fallbackOrganiser.map { [("SENT-BY", "mailto:\($0)")] } ?? []
            text.property("ORGANIZER", [("CN", organiser.name)] + sentBy, "mailto:\(organiser.email)")
        } else if let fallbackOrganiser {
            text.property("ORGANIZER", [], "mailto:\(fallbackOrganiser)")
        }
        for attendee in meeting.attendees {
            var parameters: [(String, String)] = []
            if let name = attendee.name { parameters.append(("CN", name)) }
            parameters += [("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", "NEEDS-ACTION"), ("RSVP", "TRUE")]
            text.property("ATTENDEE", parameters, "mailto:\(attendee.email)")
        }
        text.end("VEVENT")
    }
}
