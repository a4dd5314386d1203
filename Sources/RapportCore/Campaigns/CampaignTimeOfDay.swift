/// A time of day on the recipient's own clock, with no date and no zone: `18:00` is six in the
/// evening wherever each recipient is. An A/B/n test of send time gives one to a variant
/// (`CampaignVariant.localTime`); unlike a schedule's `CampaignLocalTime` it names no day,
/// since the test sends at its next occurrence (`CampaignDeliveryTiming.notBefore(_:now:variantTime:)`).
public struct CampaignTimeOfDay: Sendable, Equatable, Hashable {
    public let hour: Int
    public let minute: Int

    /// Reads `HH:MM` in 24 hours (`00:00` to `23:59`); nil for anything else. The clock part is
    /// read by `CampaignLocalTime`'s own rules, so a variant's time and a schedule's local time
    /// take exactly the same spellings.
    public init?(text: String) {
        guard text.utf8.count == 5, let time = CampaignLocalTime(text: "2000-01-01T" + text) else { return nil }
        hour = time.hour
        minute = time.minute
    }

    /// `HH:MM`.
    public var text: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
