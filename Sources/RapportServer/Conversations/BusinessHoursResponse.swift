import RapportCore

/// An SLA policy's business hours: `days` maps a day's name to its opening and closing time,
/// in the week's order.
struct BusinessHoursResponse: Encodable {
    let hours: BusinessHours

    private enum CodingKeys: String, CodingKey {
        case days, timeZone
    }

    private struct DayKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var days = container.nestedContainer(keyedBy: DayKey.self, forKey: .days)
        for (day, window) in hours.days.sorted(by: { $0.key < $1.key }) {
            try days.encode(
                [SLARequests.clock(window.start), SLARequests.clock(window.end)], forKey: DayKey(stringValue: SLARequests.dayNames[day - 1]))
        }
        try container.encode(hours.timeZone, forKey: .timeZone)
    }
}
