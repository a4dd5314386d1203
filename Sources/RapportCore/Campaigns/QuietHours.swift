import Foundation

/// When marketing may arrive, in the recipient's local time, by their country (ISO 3166-1
/// alpha-2): a window per country and one for every other country. A message proposed outside
/// the window waits for its next opening.
///
/// `standard` is Klaviyo's published table of SMS quiet hours (help.klaviyo.com, "Understanding
/// SMS and MMS quiet hours in flows"): no messages before 08:00 or after 21:00 in the United
/// States, Canada, the United Kingdom, Ireland, Germany, the Netherlands, Australia and New
/// Zealand; in France none before 08:00, after 22:00 or on Sundays. The same 08:00–21:00 applies
/// everywhere else. Not covered: public holidays (France forbids them too; Rapport keeps no
/// holiday calendar) and the stricter rules of some US states (Klaviyo notes some forbid sending
/// before 09:00 or after 20:00); a workspace that needs them narrows its own table.
public struct QuietHours: Sendable, Equatable, Codable {
    /// The window of a country without an entry, or of a recipient whose country is unknown.
    public let fallback: DeliveryWindow
    /// Windows by ISO 3166-1 alpha-2 code, always upper case (see `init`).
    public let countries: [String: DeliveryWindow]

    /// A table of windows. Country codes are upper-cased here, so a lookup in any letter case
    /// finds them; when two keys differ only in letter case ("fr" and "FR"), the stricter reading
    /// wins: one window open only when both are (the later opening, the earlier closing, the
    /// weekdays they share). Decoding goes through here too.
    public init(fallback: DeliveryWindow = .daytime, countries: [String: DeliveryWindow] = [:]) {
        var upperCased: [String: DeliveryWindow] = [:]
        for (country, window) in countries {
            let key = country.uppercased()
            upperCased[key] = upperCased[key].map { Self.both($0, window) } ?? window
        }
        self.fallback = fallback
        self.countries = upperCased
    }

    /// Decodes `fallback` and `countries` through `init(fallback:countries:)`, so keys come out
    /// upper case.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fallback: try container.decode(DeliveryWindow.self, forKey: .fallback),
            countries: try container.decode([String: DeliveryWindow].self, forKey: .countries))
    }

    /// Klaviyo's table (see the type's notes): 08:00–21:00 everywhere, France 08:00–22:00
    /// without Sundays.
    public static let standard: QuietHours = {
        var countries: [String: DeliveryWindow] = [:]
        for country in ["US", "CA", "GB", "IE", "DE", "NL", "AU", "NZ"] {
            countries[country] = .daytime
        }
        countries["FR"] = DeliveryWindow(opensAt: 8 * 60, closesAt: 22 * 60, weekdays: [2, 3, 4, 5, 6, 7])
        return QuietHours(fallback: .daytime, countries: countries)
    }()

    /// The window for `country` (any letter case), or `fallback`.
    public func window(forCountry country: String?) -> DeliveryWindow {
        guard let country else { return fallback }
        return countries[country.uppercased()] ?? fallback
    }

    /// The earliest instant at or after `proposed` when a recipient in `country`, whose clock
    /// runs in `timeZone`, may receive marketing; nil only when their window never opens.
    public func earliestDelivery(atOrAfter proposed: Date, in timeZone: TimeZone, country: String?) -> Date? {
        window(forCountry: country).earliestInstant(atOrAfter: proposed, in: timeZone)
    }

    /// The same for a recipient whose clock may run in any of `zones`: the earliest instant when
    /// the country's window is open in all of them (`DeliveryWindow.earliestInstant(atOrAfter:inEvery:)`).
    /// Nil when `zones` is empty or no such instant comes.
    public func earliestDelivery(atOrAfter proposed: Date, inEvery zones: [TimeZone], country: String?) -> Date? {
        window(forCountry: country).earliestInstant(atOrAfter: proposed, inEvery: zones)
    }

    /// The earliest instant at or after `proposed` when `recipient` may receive marketing, in
    /// every zone they may be in (one, unless the zone was guessed from a calling code that
    /// spans several). Nil when no such instant comes: the caller reports the recipient as not
    /// deliverable until a profile time zone is set.
    public func earliestDelivery(atOrAfter proposed: Date, for recipient: RecipientTimeZone) -> Date? {
        earliestDelivery(atOrAfter: proposed, inEvery: recipient.zones, country: recipient.country)
    }

    /// The window open only when both are.
    private static func both(_ one: DeliveryWindow, _ other: DeliveryWindow) -> DeliveryWindow {
        DeliveryWindow(
            opensAt: max(one.opensAt, other.opensAt), closesAt: min(one.closesAt, other.closesAt),
            weekdays: one.weekdays.intersection(other.weekdays))
    }
}
