import Foundation
import PropertyBased
import RapportCore
import Testing

@Suite("JSON writing and timestamps")
struct JSONWriterTests {
    @Test("ISO 8601 text matches Foundation's formatter for any date from 1900 to 2200")
    func timestamps() async {
        let style = Date.ISO8601FormatStyle(timeZone: .gmt)
        await propertyCheck(count: 2000, input: Gen.int(in: -2_208_988_800_000...7_258_118_400_000)) { milliseconds in
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let (seconds, fraction) = (milliseconds - ((milliseconds % 1000) + 1000) % 1000, ((milliseconds % 1000) + 1000) % 1000)
            let wholeSecond = Date(timeIntervalSince1970: Double(seconds / 1000)).formatted(style)
            let expected = wholeSecond.dropLast() + "." + String(format: "%03d", fraction) + "Z"
            #expect(Timestamp.iso8601(date) == expected)
        }
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
    }

    @Test("written documents are valid JSON with every character escaped where it must be")
    func escaping() throws {
        let awkward = "quote \" backslash \\ newline \n tab \t bell \u{7} umlaut ä emoji 🛒"
        let customer = Customer(
            id: "cus_1", workspaceID: "wsp_1",
            profile: CustomerProfile(
                firstName: awkward, addresses: [Address(city: "Köln", postalCode: "50667", country: "DE")],
                tags: ["a\"b"], attributes: ["n": .number(1.5), "i": .number(42), "b": .boolean(true), "s": .string(awkward)]),
            identities: [Identity(id: "idn_1", kind: .email, value: "a@example.com", source: nil, createdAt: Date(timeIntervalSince1970: 1), provenance: .proven)],
            createdAt: Date(timeIntervalSince1970: 1), updatedAt: Date(timeIntervalSince1970: 2))
        let text = CustomerEventPayload(customer).json
        #expect(text.hasPrefix(#"{"id":"cus_1","workspace_id":"wsp_1","first_name":"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["first_name"] as? String == awkward)
        #expect(parsed["tags"] as? [String] == ["a\"b"])
        let attributes = try #require(parsed["attributes"] as? [String: Any])
        #expect(attributes["n"] as? Double == 1.5)
        #expect(attributes["i"] as? Int == 42)
        #expect(attributes["b"] as? Bool == true)
        #expect(attributes["s"] as? String == awkward)
        #expect((parsed["addresses"] as? [[String: String]])?.first == ["city": "Köln", "postal_code": "50667", "country": "DE"])
        #expect(parsed["deleted_at"] is NSNull)
        #expect(parsed["created_at"] as? String == "1970-01-01T00:00:01.000Z")
        #expect((parsed["identities"] as? [[String: Any]])?.first?["kind"] as? String == "email")
    }
}
