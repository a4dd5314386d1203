import Foundation

/// The time zones a campaign message is timed in for one recipient, and where they came from: the
/// profile's own time zone when it names a real one, else the zones of the phone number's calling
/// code, else the store's default. The country comes from the phone number whichever way the
/// zone was found, since quiet hours follow the country's rules.
///
/// A zone from the profile or the store is one zone. A calling code can stand for a country with
/// several (`CallingCodeZone`): then the recipient may be in any of them, and quiet hours must
/// hold in all (`QuietHours.earliestDelivery(atOrAfter:for:)`).
public struct RecipientTimeZone: Sendable, Equatable {
    /// Where the zones came from.
    public enum Source: String, Sendable, Codable {
        /// The profile's own IANA time zone.
        case profile
        /// The calling code of the phone number, which may stand for several zones.
        case phone
        /// The store's default zone, when neither of the others is known.
        case store
    }

    /// The zone to show and to time by when one is needed: the profile's, the store's, or the
    /// one most of the calling code's country lives in. Always `zones[0]`.
    public let timeZone: TimeZone
    /// Every zone the recipient's clock may run in, `timeZone` first and each once: one zone,
    /// unless `source` is `phone` and the country spans several.
    public let zones: [TimeZone]
    /// Where the zones came from.
    public let source: Source
    /// ISO 3166-1 alpha-2 country of the phone number's calling code; nil without a phone number
    /// or with a calling code Rapport does not know.
    public let country: String?

    /// A recipient in `timeZone`, or in any of `timeZone` and `otherZones` (repeats dropped).
    public init(timeZone: TimeZone, otherZones: [TimeZone] = [], source: Source, country: String?) {
        var zones = [timeZone]
        for zone in otherZones where !zones.contains(zone) {
            zones.append(zone)
        }
        self.timeZone = timeZone
        self.zones = zones
        self.source = source
        self.country = country
    }

    /// Resolves a recipient's zones from their profile's IANA identifier (`Europe/Berlin`), their
    /// phone number in E.164 (`+4915112345678`), and the store's default zone.
    public static func resolve(profileTimeZone: String?, phone: String?, storeDefault: TimeZone) -> RecipientTimeZone {
        let calling = phone.flatMap { CallingCodeZone.of(e164: $0.trimmed) }
        if let identifier = profileTimeZone?.trimmed, !identifier.isEmpty, let zone = TimeZone(identifier: identifier) {
            return RecipientTimeZone(timeZone: zone, source: .profile, country: calling?.country)
        }
        if let calling, let first = calling.timeZones.first {
            return RecipientTimeZone(timeZone: first, otherZones: Array(calling.timeZones.dropFirst()), source: .phone, country: calling.country)
        }
        return RecipientTimeZone(timeZone: storeDefault, source: .store, country: calling?.country)
    }
}
