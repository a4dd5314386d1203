import Foundation

/// When one recipient's campaign message may first go: at the local time the campaign is
/// scheduled for on their own clock, and never inside their quiet hours.
///
/// - A local-time schedule (`CampaignSchedule.localTime`) is read on the recipient's main zone
///   (`RecipientTimeZone.timeZone`: the profile's, the calling code's main one, else the
///   store's). A recipient whose time has already passed when the campaign reaches them (the
///   campaign was sent late) gets it at once rather than a day late.
/// - A variant of a send-time test (`CampaignVariant.localTime`) goes at the next time the
///   recipient's main zone shows its time of day, never at once (see `notBefore(_:now:variantTime:)`).
/// - Quiet hours (`QuietHours.standard`) move a message to the recipient's next opening in
///   every zone they may be in; when the zones of a calling code leave no common opening, in
///   their main zone alone.
public struct CampaignDeliveryTiming: Sendable {
    public let schedule: CampaignSchedule?
    /// Nil: quiet hours do not hold for this campaign.
    public let quietHours: QuietHours?

    public init(schedule: CampaignSchedule?, quietHours: QuietHours?) {
        self.schedule = schedule
        self.quietHours = quietHours
    }

    /// The campaign's timing: its schedule, and quiet hours when the definition keeps them on
    /// its channel.
    public init(_ definition: CampaignDefinition, channel: CampaignChannel) {
        self.init(schedule: definition.schedule, quietHours: definition.keepsQuietHours(on: channel) ? .standard : nil)
    }

    /// Whether anything about the recipient can hold their message back.
    public var isTimed: Bool {
        quietHours != nil || { if case .localTime? = schedule { true } else { false } }()
    }

    /// The instant the recipient's message may first go, when that is after `now`; nil: now.
    public func notBefore(_ recipient: RecipientTimeZone, now: Date) -> Date? {
        var earliest = now
        if case .localTime(let time)? = schedule, let local = Self.instant(time, in: recipient.timeZone), local > now {
            earliest = local
        }
        earliest = afterQuietHours(earliest, for: recipient)
        return earliest > now ? earliest : nil
    }

    /// The instant a variant of a send-time test (`CampaignVariant.localTime`) may first go to
    /// the recipient: the next time their main zone's clock shows `variantTime` after `now`
    /// (today while it is still ahead, else the next day), then quiet hours as for any message.
    /// Unlike a local-time schedule, a time already passed never means "at once": the test
    /// compares times, so each message must go at its variant's. Nil only when no such instant
    /// can be found (no calendar answer), which leaves the message at the campaign's timing.
    public func notBefore(_ recipient: RecipientTimeZone, now: Date, variantTime: CampaignTimeOfDay) -> Date? {
        guard let next = Self.nextInstant(of: variantTime, after: now, in: recipient.timeZone) else { return nil }
        let earliest = afterQuietHours(next, for: recipient)
        return earliest > now ? earliest : nil
    }

    /// `proposed`, or the recipient's next opening when quiet hours hold and it falls inside
    /// them: in every zone they may be in, else in their main zone alone.
    private func afterQuietHours(_ proposed: Date, for recipient: RecipientTimeZone) -> Date {
        guard let quietHours else { return proposed }
        return quietHours.earliestDelivery(atOrAfter: proposed, for: recipient)
            ?? quietHours.earliestDelivery(atOrAfter: proposed, in: recipient.timeZone, country: recipient.country)
            ?? proposed
    }

    /// The instant a clock in `zone` shows `time`; in a gap a clock change skips, the first
    /// instant after it.
    static func instant(_ time: CampaignLocalTime, in zone: TimeZone) -> Date? {
        instant(year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, in: zone)
    }

    /// The first instant strictly after `now` at which a clock in `zone` shows `time`: on the
    /// day that clock shows at `now`, else on the next.
    static func nextInstant(of time: CampaignTimeOfDay, after now: Date, in zone: TimeZone) -> Date? {
        let calendar = Self.calendar(in: zone)
        for days in 0...1 {
            guard let day = calendar.date(byAdding: .day, value: days, to: now) else { return nil }
            let date = calendar.dateComponents([.year, .month, .day], from: day)
            guard let year = date.year, let month = date.month, let dayOfMonth = date.day else { return nil }
            if let candidate = instant(year: year, month: month, day: dayOfMonth, hour: time.hour, minute: time.minute, in: zone), candidate > now {
                return candidate
            }
        }
        return nil
    }

    /// The instant a clock in `zone` shows this date and time (the one rule both a schedule's
    /// local time and a variant's next time are read by); in a gap a clock change skips, the
    /// first instant after it.
    private static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, in zone: TimeZone) -> Date? {
        calendar(in: zone).date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    /// A Gregorian calendar on the clock of `zone`.
    static func calendar(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
