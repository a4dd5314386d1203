import Foundation
import Hummingbird

/// A range of whole days (UTC) from a page's `from` and `to` query parameters (inclusive,
/// YYYY-MM-DD), the last `defaultDays` days ending today when absent; unreadable dates fall back
/// to the default with a message for the field.
struct DayRange {
    var from: Date
    /// The last day, inclusive.
    var last: Date
    var fromText: String
    var toText: String
    var problems: [String: String] = [:]

    /// The first moment after the range.
    var end: Date { last.addingTimeInterval(86_400) }

    init(_ request: Request, defaultDays: Int, today: Date) {
        let parameters = request.uri.queryParameters
        var query: [String: String] = [:]
        for name in ["from", "to"] { query[name] = parameters[name[...]].map { String($0.prefix(32)) } }
        var problems: [String: String] = [:]
        func day(_ name: String, default fallback: Date) -> Date {
            guard let text = query[name], !text.isEmpty else { return fallback }
            guard let date = ISO8601DateFormatter().date(from: text + "T00:00:00Z") else {
                problems[name] = "Enter the date as YYYY-MM-DD."
                return fallback
            }
            return date
        }
        from = day("from", default: today.addingTimeInterval(-Double(defaultDays - 1) * 86_400))
        last = day("to", default: today)
        fromText = query["from"] ?? WebFormat.day(from)
        toText = query["to"] ?? WebFormat.day(last)
        self.problems = problems
    }
}
