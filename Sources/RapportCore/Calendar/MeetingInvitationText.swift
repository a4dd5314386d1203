import Foundation

/// The plain-text part of a meeting's invitation or cancellation (English; the calendar part
/// is what mail clients act on): who invites, what, when in the meeting's own time zone, where.
enum MeetingInvitationText {
    static func body(_ meeting: Meeting, organiser: String, cancelled: Bool) -> String {
        let zone = TimeZone(identifier: meeting.timeZone) ?? TimeZone(identifier: "UTC")!
        let day = Date.FormatStyle(date: .complete, time: .omitted, locale: Locale(identifier: "en_GB"), timeZone: zone)
        let time = Date.FormatStyle(date: .omitted, time: .shortened, locale: Locale(identifier: "en_GB"), timeZone: zone)
        var lines = [
            cancelled ? "\(organiser) has cancelled \(meeting.title)." : "\(organiser) invites you to \(meeting.title).",
            "",
            "When: \(meeting.startsAt.formatted(day)), \(meeting.startsAt.formatted(time))–"
                + (meeting.endsAt.formatted(day) == meeting.startsAt.formatted(day) ? "" : "\(meeting.endsAt.formatted(day)), ")
                + "\(meeting.endsAt.formatted(time)) (\(meeting.timeZone))",
        ]
        if let recurrence = meeting.recurrence { lines.append("Repeats: \(repetition(recurrence, in: zone))") }
        if let location = meeting.location { lines.append("Where: \(location)") }
        if let description = meeting.description { lines += ["", description] }
        lines += ["", cancelled ? "Your calendar can remove it with the attached update." : "The invitation is attached for your calendar."]
        return lines.joined(separator: "\n")
    }

    /// "every 2 weeks on MO, TH, 6 times" / "every month until 31 Dec 2027".
    static func repetition(_ recurrence: MeetingRecurrence, in zone: TimeZone) -> String {
        let unit = switch recurrence.frequency {
        case .daily: "day"
        case .weekly: "week"
        case .monthly: "month"
        }
        var words = recurrence.interval == 1 ? "every \(unit)" : "every \(recurrence.interval) \(unit)s"
        if !recurrence.weekdays.isEmpty { words += " on " + recurrence.weekdays.joined(separator: ", ") }
        if let count = recurrence.count { words += ", \(count) times" }
        if let until = recurrence.until {
            words += " until " + until.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: Locale(identifier: "en_GB"), timeZone: zone))
        }
        return words
    }
}
