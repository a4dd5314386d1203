import RapportCore
import Testing

@Suite("Identity normalisation")
struct IdentityNormalizerTests {
    let german = IdentityNormalizer(defaultRegion: PhoneRegion.known["DE"]!)
    let american = IdentityNormalizer(defaultRegion: PhoneRegion.known["US"]!)

    private func value(_ normalizer: IdentityNormalizer, _ kind: String, _ raw: String, source: String? = nil) -> String? {
        try? normalizer.normalize(IdentityInput(kind: kind, value: raw, source: source), field: "x").get().value
    }

    @Test("e-mail addresses are trimmed and lower-cased; dots and plus tags are kept")
    func email() {
        #expect(value(german, "email", "  Anna.Berg+Shop@GMail.com ") == "anna.berg+shop@gmail.com")
        #expect(value(german, "email", "annaberg@gmail.com") != value(german, "email", "anna.berg@gmail.com"))
        for bad in ["anna", "anna@", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com"] {
            #expect(value(german, "email", bad) == nil, "\(bad) is refused")
        }
    }

    @Test("phone numbers become E.164 from national and international forms",
          arguments: [
            ("DE", "0151 23456789", "+4915123456789"), ("DE", "+49 (0)151-2345 6789", "+4915123456789"),
            ("DE", "0049 151 23456789", "+4915123456789"), ("US", "(415) 555-0100", "+14155550100"),
            ("US", "1 415 555 0100", "+14155550100"), ("US", "+44 20 7946 0958", "+442079460958"),
            ("US", "555-0100", nil), ("DE", "12ab34", nil), ("DE", "+0123456789", nil), ("DE", "+1234567890123456", nil),
          ] as [(String, String, String?)])
    func phone(region: String, raw: String, expected: String?) {
        let normalizer = IdentityNormalizer(defaultRegion: PhoneRegion.known[region]!)
        #expect(value(normalizer, "phone", raw) == expected)
    }

    @Test("WhatsApp ids are phone digits without +")
    func whatsapp() {
        #expect(value(german, "whatsapp", "+49 151 23456789") == "4915123456789")
        #expect(value(german, "whatsapp", "4915123456789") == "4915123456789")
    }

    @Test("external ids need a source, which makes them distinct per system")
    func external() throws {
        #expect(value(german, "external", "42") == nil)
        let shop = try german.normalize(IdentityInput(kind: "external", value: "42", source: "shopify"), field: "x").get()
        let erp = try german.normalize(IdentityInput(kind: "external", value: "42", source: "erp"), field: "x").get()
        #expect(shop.key != erp.key)
        let email = try german.normalize(IdentityInput(kind: "email", value: "a@example.com", source: "shopify"), field: "x").get()
        let sameEmail = try german.normalize(IdentityInput(kind: "email", value: "a@example.com", source: "erp"), field: "x").get()
        #expect(email.key == sameEmail.key, "the source of an e-mail does not make it another identity")
    }

    @Test("all errors of a list are reported with their paths, and duplicates collapse")
    func collectsErrors() {
        let result = german.normalizeAll([
            IdentityInput(kind: "email", value: "A@example.com"), IdentityInput(kind: "email", value: "a@example.com"),
            IdentityInput(kind: "pager", value: "1"), IdentityInput(kind: "messenger", value: "has space"),
        ], field: "identities")
        guard case .failure(.invalid(let errors)) = result else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.map(\.field) == ["identities[2].kind", "identities[3].value"])
        let clean = german.normalizeAll([
            IdentityInput(kind: "email", value: "A@example.com"), IdentityInput(kind: "email", value: "a@example.com"),
        ], field: "identities")
        #expect((try? clean.get())?.count == 1)
    }
}
