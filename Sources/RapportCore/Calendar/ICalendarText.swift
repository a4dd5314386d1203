import Foundation

/// Writes iCalendar text (RFC 5545): content lines ending in CRLF, folded at 75 octets with
/// CRLF and a space — never inside a UTF-8 character or an escape —, TEXT values escaped
/// (`\\`, `\;`, `\,`, `\n`), dates in UTC (`…Z`) or local to a `TZID`.
public struct ICalendarText: Sendable {
    private var lines: [String] = []

    public init() {}

    public mutating func begin(_ component: String) {
        lines.append("BEGIN:\(component)")
    }

    public mutating func end(_ component: String) {
        lines.append("END:\(component)")
    }

    /// `NAME;P1=V1;P2=V2:value`; the value as given (escape TEXT with `text`), parameter values
    /// quoted when they hold `:`, `;` or `,`.
    public mutating func property(_ name: String, _ parameters: [(String, String)] = [], _ value: String) {
        var line = name
        for (key, raw) in parameters {
            let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != "\"" && !Self.isControl($0) && !Character($0).isNewline }))
            line += ";\(key)=" + (cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned)
        }
        lines.append(line + ":" + value)
    }

    /// The whole text, each line folded and ended in CRLF.
    public var rendered: String {
        lines.map(Self.fold).joined()
    }

    /// TEXT escaped: backslash, semicolon, comma, and line breaks as `\n`; other control
    /// characters, which RFC 5545 does not allow, are left out.
    public static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r\n", "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": escaped += "\\n"
            default:
                if !character.unicodeScalars.contains(where: isControl) { escaped.append(character) }
            }
        }
        return escaped
    }

    /// C0 controls (but tab) and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    /// `20260315T090000Z`.
    public static func utc(_ date: Date) -> String {
        local(date, in: TimeZone(identifier: "UTC")!) + "Z"
    }

    /// `20260315T100000`, the wall-clock time in `zone`.
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `+0100`, `-0530`.
    public static func offset(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%02d", sign, minutes / 60, minutes % 60)
    }

    /// Reads `20260315T090000Z` back.
    public static func parseUTC(_ text: String) -> Date? {
        let digits = text.filter(\.isNumber)
        guard text.hasSuffix("Z"), digits.count == 14 else { return nil }
        let number = { (from: Int, length: Int) -> Int? in
            Int(digits[digits.index(digits.startIndex, offsetBy: from)..<digits.index(digits.startIndex, offsetBy: from + length)])
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2), let hour = number(8, 2), let minute = number(10, 2),
            let second = number(12, 2)
        else { return nil }
        return Calendar.utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// One content line folded at 75 octets: a continuation starts with a space (counted), and
    /// a break never falls inside a UTF-8 character or an escape (`\;` stays whole).
    static func fold(_ line: String) -> String {
        // By Unicode scalars, not characters: a long cluster (an emoji sequence) may be split
        // between its scalars, never inside one's UTF-8 bytes.
        var units: [String] = []
        var pendingEscape = false
        for scalar in line.unicodeScalars {
            if pendingEscape {
                units[units.count - 1].unicodeScalars.append(scalar)
                pendingEscape = false
            } else {
                units.append(String(scalar))
                pendingEscape = scalar == "\\"
            }
        }
        var result = ""
        var octets = 0
        for unit in units {
            let size = unit.utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result += unit
            octets += size
        }
        return result + "\r\n"
    }
}
