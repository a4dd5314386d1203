import Foundation
import RapportCore

/// A meeting's repetition, and its RFC 5545 rule.
struct MeetingRecurrenceResponse: Encodable {
    let frequency: String
    let interval: Int
    let byDay: [String]
    let count: Int?
    let until: String?
    let rule: String

    init(_ recurrence: MeetingRecurrence) {
        frequency = recurrence.frequency.rawValue
        interval = recurrence.interval
        byDay = recurrence.weekdays
        count = recurrence.count
        until = recurrence.until.map(Timestamp.iso8601)
        rule = recurrence.rule
    }
}
