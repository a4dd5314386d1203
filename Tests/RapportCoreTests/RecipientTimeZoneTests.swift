import Foundation
@testable import RapportCore
import Testing

@Suite("Recipient time zone")
struct RecipientTimeZoneTests {
    static let store = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt

    static func instant(_ text: String) -> Date {
        Timestamp.parse(text) ?? .distantPast
    }

    @Test("a real zone in the profile wins, as the one zone, and the phone number still gives the country")
    func profileFirst() {
        let resolved = RecipientTimeZone.resolve(profileTimeZone: "Asia/Jakarta", phone: "+4915112345678", storeDefault: Self.store)
        #expect(resolved.timeZone.identifier == "Asia/Jakarta")
        #expect(resolved.zones.map(\.identifier) == ["Asia/Jakarta"])
        #expect(resolved.source == .profile)
        #expect(resolved.country == "DE")
        let american = RecipientTimeZone.resolve(profileTimeZone: "America/Los_Angeles", phone: "+12125550123", storeDefault: Self.store)
        #expect(american.zones.map(\.identifier) == ["America/Los_Angeles"] && american.source == .profile && american.country == "US")
        let padded = RecipientTimeZone.resolve(profileTimeZone: " Europe/Berlin\n", phone: nil, storeDefault: Self.store)
        #expect(padded.timeZone.identifier == "Europe/Berlin" && padded.source == .profile && padded.country == nil)
    }

    @Test("a profile zone that is blank or not a zone falls through to the phone number's calling code")
    func badProfileZone() {
        for profile in [nil, "", "   ", "Mars/Olympus_Mons"] {
            let resolved = RecipientTimeZone.resolve(profileTimeZone: profile, phone: "+6281234567890", storeDefault: Self.store)
            #expect(resolved.timeZone.identifier == "Asia/Jakarta", "\(String(describing: profile))")
            #expect(resolved.source == .phone)
            #expect(resolved.country == "ID")
        }
    }

    @Test("calling codes of one, two and three digits give their country's most populous zone first")
    func callingCodes() {
        let expected: [(String, String, String)] = [
            ("+6281234567890", "Asia/Jakarta", "ID"), ("+4915112345678", "Europe/Berlin", "DE"),
            ("+12125550123", "America/New_York", "US"), ("+447700900123", "Europe/London", "GB"),
            ("+33612345678", "Europe/Paris", "FR"), ("+819012345678", "Asia/Tokyo", "JP"),
            ("+6591234567", "Asia/Singapore", "SG"), ("+61412345678", "Australia/Sydney", "AU"),
            ("+919812345678", "Asia/Kolkata", "IN"), ("+5511912345678", "America/Sao_Paulo", "BR"),
            ("+31612345678", "Europe/Amsterdam", "NL"), ("+34612345678", "Europe/Madrid", "ES"),
            ("+393123456789", "Europe/Rome", "IT"), ("+353861234567", "Europe/Dublin", "IE"),
            ("+85291234567", "Asia/Hong_Kong", "HK"), ("+971501234567", "Asia/Dubai", "AE"),
        ]
        for (phone, zone, country) in expected {
            let resolved = RecipientTimeZone.resolve(profileTimeZone: nil, phone: phone, storeDefault: Self.store)
            #expect(resolved.timeZone.identifier == zone, "\(phone)")
            #expect(resolved.source == .phone && resolved.country == country, "\(phone)")
        }
    }

    @Test("without a profile zone or a known calling code, the store's default zone is used")
    func storeDefault() {
        // +882 (international networks) is not a country; a number without + is not E.164.
        for phone in [nil, "", "+88216123456", "0151 12345678", "+", "+abc"] {
            let resolved = RecipientTimeZone.resolve(profileTimeZone: nil, phone: phone, storeDefault: Self.store)
            #expect(resolved.timeZone == Self.store, "\(String(describing: phone))")
            #expect(resolved.zones == [Self.store])
            #expect(resolved.source == .store)
            #expect(resolved.country == nil)
        }
    }

    @Test("every zone in the calling-code table is one Foundation knows, listed once, and no code is the prefix of another")
    func tableIsSound() {
        #expect(CallingCodeZone.known.count >= 50)
        for (code, entry) in CallingCodeZone.known.merging(CallingCodeZone.pacificAreaCodes, uniquingKeysWith: { first, _ in first }) {
            #expect(entry.timeZones.map(\.identifier) == entry.timeZoneIdentifiers, "+\(code) has a zone Foundation does not know")
            #expect(!entry.timeZones.isEmpty && Set(entry.timeZoneIdentifiers).count == entry.timeZoneIdentifiers.count, "+\(code)")
            #expect(entry.country.count == 2 && entry.country == entry.country.uppercased(), "+\(code)")
        }
        for code in CallingCodeZone.known.keys {
            for other in CallingCodeZone.known.keys where other != code {
                #expect(!other.hasPrefix(code), "+\(code) is a prefix of +\(other)")
            }
        }
    }

    @Test("a calling code of a country with several clocks gives them all, the most populous first")
    func severalZones() {
        let expected: [(String, [String])] = [
            ("+12125550123", ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage",
                              "Pacific/Honolulu", "America/Halifax", "America/St_Johns"]),
            ("+61412345678", ["Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth"]),
            ("+6281234567890", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
            ("+5511912345678", ["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"]),
            ("+525512345678", ["America/Mexico_City", "America/Cancun", "America/Mazatlan", "America/Tijuana"]),
        ]
        for (phone, zones) in expected {
            let resolved = RecipientTimeZone.resolve(profileTimeZone: nil, phone: phone, storeDefault: Self.store)
            #expect(resolved.zones.map(\.identifier) == zones, "\(phone)")
            #expect(resolved.timeZone == resolved.zones.first && resolved.source == .phone, "\(phone)")
        }
        let russia = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+79161234567", storeDefault: Self.store)
        #expect(russia.country == "RU" && russia.timeZone.identifier == "Europe/Moscow" && russia.zones.count == 11)
        #expect(russia.zones.contains { $0.identifier == "Europe/Kaliningrad" } && russia.zones.contains { $0.identifier == "Asia/Kamchatka" })
        // A single-zone country stays one zone.
        #expect(RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+4915112345678", storeDefault: Self.store).zones.count == 1)
    }

    @Test("+1 numbers of Guam, the Northern Marianas and American Samoa are told apart by area code and timed in their own zone")
    func pacificTerritories() {
        let expected = [("+16715551234", "GU", "Pacific/Guam"), ("+16705551234", "MP", "Pacific/Saipan"), ("+16845551234", "AS", "Pacific/Pago_Pago")]
        for (phone, country, zone) in expected {
            let resolved = RecipientTimeZone.resolve(profileTimeZone: nil, phone: phone, storeDefault: Self.store)
            #expect(resolved.country == country && resolved.zones.map(\.identifier) == [zone], "\(phone)")
        }
        #expect(CallingCodeZone.of(e164: "+16175551234")?.country == "US", "Boston's 617 is not Guam's 671")
    }

    @Test("a +1 number without a profile zone gets a time that is 08:00 or later in Honolulu and before 21:00 in New York and St. John's")
    func severalZonesQuietHours() throws {
        let recipient = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+12125550123", storeDefault: Self.store)
        let honolulu = try #require(TimeZone(identifier: "Pacific/Honolulu"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let stJohns = try #require(TimeZone(identifier: "America/St_Johns"))
        var calendar = Calendar(identifier: .gregorian)
        func minuteOfDay(_ date: Date, in zone: TimeZone) -> Int {
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return (parts.hour ?? -1) * 60 + (parts.minute ?? 0)
        }
        // 09:00 in New York on Tuesday 17 June 2025 is 03:00 in Honolulu: it waits for 08:00 there (18:00 UTC).
        let june = try #require(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-06-17T13:00:00Z"), for: recipient))
        #expect(june == Self.instant("2025-06-17T18:00:00Z"))
        #expect(minuteOfDay(june, in: honolulu) == 480 && minuteOfDay(june, in: newYork) == 840)
        // In winter too: Honolulu has no summer time.
        #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-01-14T13:00:00Z"), for: recipient) == Self.instant("2025-01-14T18:00:00Z"))
        // 20:29 in St. John's (23:29 UTC) is the last minute open everywhere; 21:00 there waits for Honolulu's next 08:00.
        #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-06-17T23:29:00Z"), for: recipient) == Self.instant("2025-06-17T23:29:00Z"))
        #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-06-17T23:30:00Z"), for: recipient) == Self.instant("2025-06-18T18:00:00Z"))
        // Through 2025, every answer is open in every zone: at or after 08:00 in Honolulu, before 21:00 in the east.
        let start = Self.instant("2025-01-01T00:00:17Z")
        for step in 0..<400 {
            let proposed = start.addingTimeInterval(TimeInterval(step) * 1303 * 60)
            let found = try #require(QuietHours.standard.earliestDelivery(atOrAfter: proposed, for: recipient))
            #expect(found >= proposed)
            #expect(minuteOfDay(found, in: honolulu) >= 480, "\(proposed) → \(found)")
            #expect(minuteOfDay(found, in: newYork) < 1260 && minuteOfDay(found, in: stJohns) < 1260, "\(proposed) → \(found)")
            for zone in recipient.zones {
                #expect(QuietHours.standard.earliestDelivery(atOrAfter: found, in: zone, country: "US") == found, "\(zone.identifier) \(found)")
            }
        }
        // The same recipient with Los Angeles in the profile is timed there alone: 08:00 PDT goes at once.
        let profiled = RecipientTimeZone.resolve(profileTimeZone: "America/Los_Angeles", phone: "+12125550123", storeDefault: Self.store)
        #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-06-17T15:00:00Z"), for: profiled) == Self.instant("2025-06-17T15:00:00Z"))
    }

    @Test("a +61 number is timed from Perth's 08:00 to Sydney's 21:00, in winter and in Sydney's summer")
    func australia() throws {
        let recipient = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+61412345678", storeDefault: Self.store)
        let cases = [
            // June: 10:00 in Sydney, 08:00 in Perth, open everywhere.
            ("2025-06-17T00:00:00Z", "2025-06-17T00:00:00Z"),
            // 07:00 in Perth waits an hour.
            ("2025-06-16T23:00:00Z", "2025-06-17T00:00:00Z"),
            // 21:00 in Sydney waits for Perth's 08:00 next morning.
            ("2025-06-17T11:00:00Z", "2025-06-18T00:00:00Z"),
            // January, Sydney on summer time (UTC+11): 20:59 there is open, 21:30 is not.
            ("2025-01-14T09:59:00Z", "2025-01-14T09:59:00Z"),
            ("2025-01-14T10:30:00Z", "2025-01-15T00:00:00Z"),
        ]
        for (proposed, expected) in cases {
            #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant(proposed), for: recipient) == Self.instant(expected), "\(proposed)")
        }
        // A Sydney profile alone would have gone at 07:00 Perth time.
        let sydney = try #require(TimeZone(identifier: "Australia/Sydney"))
        #expect(QuietHours.standard.earliestDelivery(atOrAfter: Self.instant("2025-06-16T23:00:00Z"), in: sydney, country: "AU") == Self.instant("2025-06-16T23:00:00Z"))
    }

    @Test("a window too narrow to be open in every zone at once gives no instant, and so do no zones")
    func neverOpenEverywhere() throws {
        let twoHours = DeliveryWindow(opensAt: 600, closesAt: 720)
        let russia = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+79161234567", storeDefault: Self.store)
        let america = RecipientTimeZone.resolve(profileTimeZone: nil, phone: "+12125550123", storeDefault: Self.store)
        let proposed = Self.instant("2025-06-17T10:00:00Z")
        #expect(twoHours.earliestInstant(atOrAfter: proposed, inEvery: russia.zones) == nil)
        #expect(twoHours.earliestInstant(atOrAfter: proposed, inEvery: america.zones) == nil)
        #expect(twoHours.earliestInstant(atOrAfter: proposed, inEvery: []) == nil)
        // The same window for one of those zones opens the same day.
        #expect(twoHours.earliestInstant(atOrAfter: proposed, inEvery: [russia.timeZone]) == Self.instant("2025-06-18T07:00:00Z"))
        // 08:00–15:00 across +1's clocks: in winter St. John's is 6½ hours ahead of Honolulu, and half
        // an hour is open everywhere; in summer it is 7½ hours ahead, and none is.
        let sevenHours = DeliveryWindow(opensAt: 480, closesAt: 900)
        #expect(sevenHours.earliestInstant(atOrAfter: Self.instant("2025-01-14T13:00:00Z"), inEvery: america.zones) == Self.instant("2025-01-14T18:00:00Z"))
        #expect(sevenHours.earliestInstant(atOrAfter: Self.instant("2025-07-14T13:00:00Z"), inEvery: america.zones) == nil)
        // 08:00–21:00 across Russia's ten hours leaves three: 08:00 in Kaliningrad to 21:00 in Kamchatka (06:00–09:00 UTC).
        #expect(DeliveryWindow.daytime.earliestInstant(atOrAfter: proposed, inEvery: russia.zones) == Self.instant("2025-06-18T06:00:00Z"))
    }

    @Test("a number in any region Rapport can take as default finds its country (+1 is read as the United States)")
    func everyDefaultRegionResolves() {
        for region in PhoneRegion.known.values {
            let found = CallingCodeZone.of(e164: "+" + region.callingCode + "55512345")
            #expect(found != nil, "\(region.code)")
            if region.callingCode != "1" {
                #expect(found?.country == region.code, "\(region.code)")
            }
        }
    }
}
