import Foundation

/// A `VTIMEZONE` for an IANA zone (RFC 5545 §3.6.5), read from the system's time zone data: one
/// `STANDARD` or `DAYLIGHT` observance per offset change within the span, each starting at the
/// wall-clock moment of the change in the offset before it; a zone without changes gets one
/// observance from 1970.
enum ICalendarTimeZone {
    static func write(_ zone: TimeZone, from start: Date, to end: Date, into text: inout ICalendarText) {
        text.begin("VTIMEZONE")
        text.property("TZID", [], zone.identifier)
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end, transitions.count < 400 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: start)
            observance(zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD", at: "19700101T000000", from: offset, to: offset, into: &text)
        } else {
            // The offset in force before the first change, from the start of the span.
            let first = zone.secondsFromGMT(for: start)
            observance(zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD", at: ICalendarText.local(start, in: fixed(first)), from: first, to: first, into: &text)
            for moment in transitions {
                let before = zone.secondsFromGMT(for: moment.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: moment)
                observance(zone.isDaylightSavingTime(for: moment) ? "DAYLIGHT" : "STANDARD", at: ICalendarText.local(moment, in: fixed(before)), from: before, to: after, into: &text)
            }
        }
        text.end("VTIMEZONE")
    }

    private static func observance(_ kind: String, at start: String, from: Int, to: Int, into text: inout ICalendarText) {
        text.begin(kind)
        text.property("DTSTART", [], start)
        text.property("TZOFFSETFROM", [], ICalendarText.offset(seconds: from))
        text.property("TZOFFSETTO", [], ICalendarText.offset(seconds: to))
        text.end(kind)
    }

    private static func fixed(_ seconds: Int) -> TimeZone {
        TimeZone(secondsFromGMT: seconds) ?? TimeZone(identifier: "UTC")!
    }
}
