import Foundation

/// When one recipient's campaign message may first go: at the local time the campaign is
/// scheduled for on their own clock, and never inside their quiet hours.
///
/// - A local-time schedule (`CampaignSchedule.localTime`) is read on the recipient's main zone
///   (`RecipientTimeZone.timeZone`: the profile's, the calling code's main one, else the
///   store's). A recipient whose time has already passed when the campaign reaches them (the
///   campaign was sent late) gets it at once rather than a day late.
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
        if let quietHours {
            earliest = quietHours.earliestDelivery(atOrAfter: earliest, for: recipient)
                ?? quietHours.earliestDelivery(atOrAfter: earliest, in: recipient.timeZone, country: recipient.country)
                ?? earliest
        }
        return earliest > now ? earliest : nil
    }

    /// The instant a clock in `zone` shows `time`; in a gap a clock change skips, the first
    /// instant after it.
    static func instant(_ time: CampaignLocalTime, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute))
    }
}
