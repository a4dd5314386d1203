import Foundation
import RapportCore
import Testing

/// The report's chart over time: hourly counts from the store, per hour within three days, else
/// folded into UTC days, every bucket present from the first to the last.
@Suite("Campaign timeline")
struct CampaignTimelineTests {
    /// 2027-01-15T08:00:00Z, the start of an hour.
    static let hour = Date(timeIntervalSince1970: 1_800_000_000)
    /// 2027-01-16T00:00:00Z, the start of a UTC day.
    static let midnight = Date(timeIntervalSince1970: 1_800_057_600)

    @Test("within three days it counts per hour, every hour from the first to the last, the empty ones too")
    func hourly() {
        let start = Self.hour
        let timeline = CampaignTimeline(hourly: [
            CampaignTimelinePoint(start: start + 3 * 3_600, opened: 2, clicked: 1),
            CampaignTimelinePoint(start: start, sent: 10, opened: 1),
        ])
        #expect(timeline.bucket == .hour)
        #expect(timeline.points.map(\.start) == (0...3).map { start + Double($0) * 3_600 })
        #expect(timeline.points.map(\.sent) == [10, 0, 0, 0])
        #expect(timeline.points.map(\.opened) == [1, 0, 0, 2])
        #expect(timeline.points.map(\.clicked) == [0, 0, 0, 1])
    }

    @Test("over more than three days the hours are folded into UTC days")
    func daily() {
        let midnight = Self.midnight
        let timeline = CampaignTimeline(hourly: [
            CampaignTimelinePoint(start: midnight + 3_600, sent: 5),
            CampaignTimelinePoint(start: midnight + 20 * 3_600, sent: 2, opened: 1),
            CampaignTimelinePoint(start: midnight + 4 * 86_400 + 7_200, clicked: 3),
        ])
        #expect(timeline.bucket == .day)
        #expect(timeline.points.map(\.start) == (0...4).map { midnight + Double($0) * 86_400 })
        #expect(timeline.points.map(\.sent) == [7, 0, 0, 0, 0])
        #expect(timeline.points.map(\.opened) == [1, 0, 0, 0, 0])
        #expect(timeline.points.map(\.clicked) == [0, 0, 0, 0, 3])
    }

    @Test("nothing sent is an empty timeline; a tail longer than 90 days is cut at the 90th")
    func edges() {
        #expect(CampaignTimeline(hourly: []).isEmpty)
        let far = CampaignTimeline(hourly: [
            CampaignTimelinePoint(start: Self.hour, sent: 1), CampaignTimelinePoint(start: Self.hour + 400 * 86_400, opened: 1),
        ])
        #expect(far.bucket == .day && far.points.count == CampaignTimeline.maximumDays)
        #expect(far.points.map(\.sent).reduce(0, +) == 1 && far.points.map(\.opened).reduce(0, +) == 0)
    }
}
