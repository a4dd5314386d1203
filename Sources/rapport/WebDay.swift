import Foundation

/// A day as the dashboard's date fields take it: `2026-11-24` (UTC).
enum WebDay {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
