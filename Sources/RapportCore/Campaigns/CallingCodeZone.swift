import Foundation

/// The country an international calling code belongs to, and every time zone a number with that
/// code may be in, for timing a message when the recipient's own zone is unknown. The first zone
/// is the one most of the country's people live in (New York for +1, Jakarta for +62); the others
/// are there because a rule such as "not before 08:00" must hold wherever the recipient is, so a
/// message to a +1 number may go only when it is 08:00 or later in Honolulu and before 21:00 in
/// St. John's (`DeliveryWindow.earliestInstant(atOrAfter:inEvery:)`).
///
/// A list names the country's main clocks, not every IANA zone. Only the earliest and the latest
/// clock limit the answer, so a zone that always reads like a listed one (Simferopol like Moscow),
/// or lies between two listed ones all year (Phoenix between Denver and Los Angeles), would change
/// nothing. Calling codes are from ITU-T E.164 assignments.
///
/// +1 is the North American Numbering Plan: the United States, Canada and most of the Caribbean,
/// taken as the United States (Canada's quiet hours are the same). Its clocks run from St. John's
/// (Newfoundland, UTC−3:30) to Honolulu (UTC−10); Halifax stands for Atlantic Canada, and the
/// Caribbean (UTC−4 or −5) lies between it and Chicago. The Pacific territories on +1 are twelve
/// hours and more from the mainland, where no window would ever be open everywhere at once, so
/// they are told apart by area code (`pacificAreaCodes`): Guam, the Northern Mariana Islands and
/// American Samoa. +7 is Russia (Kaliningrad, UTC+2, to Kamchatka, UTC+12) and Kazakhstan (UTC+5,
/// between them), taken as Russia. Left out: Australia's Christmas and Cocos Islands and New
/// Zealand's Chatham Islands, a few thousand people each.
struct CallingCodeZone: Sendable, Equatable {
    /// ISO 3166-1 alpha-2.
    let country: String
    /// IANA time zone identifiers, the most populous zone first.
    let timeZoneIdentifiers: [String]
    /// The zones of `timeZoneIdentifiers` that Foundation knows, in the same order: made once
    /// with the table, not for every recipient.
    let timeZones: [TimeZone]

    init(country: String, timeZoneIdentifiers: [String]) {
        self.country = country
        self.timeZoneIdentifiers = timeZoneIdentifiers
        timeZones = timeZoneIdentifiers.compactMap { TimeZone(identifier: $0) }
    }

    /// The entry for an E.164 number (`+6281234567890`), or nil when it does not start with `+`
    /// and a calling code in `known`. Country calling codes are prefix-free, so at most one of
    /// the number's first one, two or three digits is one.
    static func of(e164 phone: String) -> CallingCodeZone? {
        guard phone.first == "+" else { return nil }
        let digits = phone.dropFirst().prefix { $0.isASCII && $0.isNumber }
        for length in 1...3 where digits.count >= length {
            let code = String(digits.prefix(length))
            guard let zone = known[code] else { continue }
            if code == "1", let territory = pacificAreaCodes[String(digits.dropFirst().prefix(3))] { return territory }
            return zone
        }
        return nil
    }

    /// +1 numbers whose area code places them in a Pacific territory, by area code.
    static let pacificAreaCodes: [String: CallingCodeZone] = [
        "671": CallingCodeZone(country: "GU", timeZoneIdentifiers: ["Pacific/Guam"]),
        "670": CallingCodeZone(country: "MP", timeZoneIdentifiers: ["Pacific/Saipan"]),
        "684": CallingCodeZone(country: "AS", timeZoneIdentifiers: ["Pacific/Pago_Pago"]),
    ]

    /// By calling code, without the `+`.
    static let known: [String: CallingCodeZone] = {
        let severalZones: [(String, String, [String])] = [
            ("1", "US", [
                "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage",
                "Pacific/Honolulu", "America/Halifax", "America/St_Johns",
            ]),
            ("7", "RU", [
                "Europe/Moscow", "Europe/Kaliningrad", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
                "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
            ]),
            ("34", "ES", ["Europe/Madrid", "Atlantic/Canary"]),
            ("52", "MX", ["America/Mexico_City", "America/Cancun", "America/Mazatlan", "America/Tijuana"]),
            ("55", "BR", ["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"]),
            ("56", "CL", ["America/Santiago", "Pacific/Easter"]),
            ("61", "AU", ["Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth"]),
            ("62", "ID", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
            ("351", "PT", ["Europe/Lisbon", "Atlantic/Azores"]),
        ]
        let oneZone: [(String, String, String)] = [
            ("20", "EG", "Africa/Cairo"), ("27", "ZA", "Africa/Johannesburg"), ("30", "GR", "Europe/Athens"),
            ("31", "NL", "Europe/Amsterdam"), ("32", "BE", "Europe/Brussels"), ("33", "FR", "Europe/Paris"),
            ("36", "HU", "Europe/Budapest"), ("39", "IT", "Europe/Rome"), ("40", "RO", "Europe/Bucharest"),
            ("41", "CH", "Europe/Zurich"), ("43", "AT", "Europe/Vienna"), ("44", "GB", "Europe/London"),
            ("45", "DK", "Europe/Copenhagen"), ("46", "SE", "Europe/Stockholm"), ("47", "NO", "Europe/Oslo"),
            ("48", "PL", "Europe/Warsaw"), ("49", "DE", "Europe/Berlin"), ("51", "PE", "America/Lima"),
            ("54", "AR", "America/Argentina/Buenos_Aires"), ("57", "CO", "America/Bogota"),
            ("60", "MY", "Asia/Kuala_Lumpur"), ("63", "PH", "Asia/Manila"), ("64", "NZ", "Pacific/Auckland"),
            ("65", "SG", "Asia/Singapore"), ("66", "TH", "Asia/Bangkok"), ("81", "JP", "Asia/Tokyo"),
            ("82", "KR", "Asia/Seoul"), ("84", "VN", "Asia/Ho_Chi_Minh"), ("86", "CN", "Asia/Shanghai"),
            ("90", "TR", "Europe/Istanbul"), ("91", "IN", "Asia/Kolkata"), ("92", "PK", "Asia/Karachi"),
            ("234", "NG", "Africa/Lagos"), ("254", "KE", "Africa/Nairobi"), ("352", "LU", "Europe/Luxembourg"),
            ("353", "IE", "Europe/Dublin"), ("358", "FI", "Europe/Helsinki"), ("420", "CZ", "Europe/Prague"),
            ("852", "HK", "Asia/Hong_Kong"), ("886", "TW", "Asia/Taipei"), ("966", "SA", "Asia/Riyadh"),
            ("971", "AE", "Asia/Dubai"), ("972", "IL", "Asia/Jerusalem"),
        ]
        let entries = severalZones.map { ($0.0, CallingCodeZone(country: $0.1, timeZoneIdentifiers: $0.2)) }
            + oneZone.map { ($0.0, CallingCodeZone(country: $0.1, timeZoneIdentifiers: [$0.2])) }
        return Dictionary(uniqueKeysWithValues: entries)
    }()
}
