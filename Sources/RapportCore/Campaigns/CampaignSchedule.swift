import Foundation

/// When a campaign goes out once it is scheduled: at one instant for everyone, or at the same
/// time on each recipient's own clock (so the sending runs from the first zone to reach that
/// time to the last).
public enum CampaignSchedule: Sendable, Equatable {
    case at(Date)
    case localTime(CampaignLocalTime)

    /// The first instant anyone may get the campaign.
    public var earliestInstant: Date {
        switch self {
        case .at(let date): date
        case .localTime(let time): time.earliestInstant
        }
    }

    /// The schedule as the API reads and writes it: `{"at": "2026-12-10T09:00:00.000Z"}` or
    /// `{"local_time": "2026-12-10T09:00"}`.
    public var json: JSONValue {
        switch self {
        case .at(let date): .object(["at": .string(Timestamp.iso8601(date))])
        case .localTime(let time): .object(["local_time": .string(time.text)])
        }
    }
}
