"""Reads an iCalendar file the way calendar clients' libraries do, independently of Rapport's
code: icalendar parses it, recurring-ical-events expands its recurrences within a window.
Prints JSON: the calendar's properties, each VEVENT's, the occurrences in the window per UID
(again with every TZID renamed, so that only the file's own VTIMEZONEs can place them), the
VTIMEZONE ids, and the raw text's line checks (every line ends in CRLF, none is longer than
75 octets, continuation lines start with a space). Usage: ics_check.py FILE START END (ISO dates)."""
import datetime
import json
import sys

import icalendar
import recurring_ical_events


def main():
    path, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    checks = {
        "ends_in_crlf": raw.endswith(b"\r\n"),
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        "longest_line": max(len(line) for line in lines),
        "folded_lines": sum(1 for line in lines if line.startswith(b" ")),
    }
    # Each folded line must still decode as UTF-8 on its own (no character split).
    checks["lines_decode"] = all(_decodes(line) for line in lines)
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for component in calendar.walk("VEVENT"):
        start_value = component.get("DTSTART")
        events.append({
            "uid": str(component.get("UID")),
            "summary": str(component.get("SUMMARY")),
            "status": str(component.get("STATUS", "")),
            "sequence": int(component.get("SEQUENCE", 0)),
            "dtstamp": component.get("DTSTAMP").dt.isoformat() if component.get("DTSTAMP") else None,
            "dtstart": start_value.dt.isoformat(),
            "tzid": start_value.params.get("TZID"),
            "rrule": component.get("RRULE").to_ical().decode() if component.get("RRULE") else None,
            "location": str(component.get("LOCATION")) if component.get("LOCATION") else None,
            "attendees": [str(value) for value in _list(component.get("ATTENDEE"))],
            "organizer": str(component.get("ORGANIZER")) if component.get("ORGANIZER") else None,
            "errors": [str(error) for error in getattr(component, "errors", [])],
            "alarms": [
                {"action": str(alarm.get("ACTION")), "trigger": alarm.get("TRIGGER").dt.isoformat() if alarm.get("TRIGGER") else None}
                for alarm in component.walk("VALARM")
            ],
        })
    occurrences = _occurrences(calendar, start, end)
    # icalendar resolves an IANA TZID from its own zone data and ignores the VTIMEZONE beside
    # it; renamed, the zones can only come from the file's own VTIMEZONEs.
    renamed = raw
    for zone in calendar.walk("VTIMEZONE"):
        tzid = str(zone.get("TZID")).encode()
        renamed = renamed.replace(b"TZID:" + tzid + b"\r\n", b"TZID:Rapport-" + tzid + b"\r\n").replace(b"TZID=" + tzid + b":", b"TZID=Rapport-" + tzid + b":")
    embedded = _occurrences(icalendar.Calendar.from_ical(renamed), start, end) if renamed != raw else {}
    print(json.dumps({
        "prodid": str(calendar.get("PRODID")),
        "version": str(calendar.get("VERSION")),
        "method": str(calendar.get("METHOD")) if calendar.get("METHOD") else None,
        "timezones": [str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")],
        "events": events,
        "occurrences": occurrences,
        "embedded_occurrences": embedded,
        "checks": checks,
        "errors": [str(error) for error in getattr(calendar, "errors", [])],
    }))


def _occurrences(calendar, start, end):
    window = recurring_ical_events.of(calendar).between(datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))
    occurrences = {}
    for occurrence in window:
        uid = str(occurrence.get("UID"))
        occurrences.setdefault(uid, []).append({"start": occurrence.get("DTSTART").dt.isoformat(), "status": str(occurrence.get("STATUS", ""))})
    return occurrences


def _decodes(line):
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


if __name__ == "__main__":
    main()
