import Testing

@testable import RapportCore

@Suite("SMS links")
struct CampaignTextLinksTests {
    static func found(_ text: String) -> [String] {
        CampaignTextLinks.links(in: text).map { String(text[$0]) }
    }

    @Test("web addresses are found up to white space, without the punctuation that ends a sentence or a bracket")
    func links() {
        #expect(Self.found("See HTTPS://Shop.test/a, then (https://shop.test/b?x=1). Or http://shop.test/c!") == [
            "HTTPS://Shop.test/a", "https://shop.test/b?x=1", "http://shop.test/c",
        ])
        #expect(Self.found("http is a word, httpx://no and https:/half are not links; https://shop.test/end") == ["https://shop.test/end"])
        #expect(Self.found("no links at all") == [])
        #expect(Self.found("https://shop.test/{{customer.id}}/x.") == ["https://shop.test/{{customer.id}}/x"])
        #expect(Self.found("(see https://en.wikipedia.org/wiki/Foo_(bar)).") == ["https://en.wikipedia.org/wiki/Foo_(bar)"], "its own brackets stay")
    }

    @Test("only the listed links are replaced, each wherever it stands; the rest of the text stays as it was")
    func tracked() {
        let text = "A https://shop.test/a and https://shop.test/b, again https://shop.test/a."
        let tracked = CampaignTextLinks.tracked(text, targets: ["https://shop.test/a"]) { "<\($0)>" }
        #expect(tracked == "A <0> and https://shop.test/b, again <0>.")
        #expect(CampaignTextLinks.tracked(text, targets: []) { "<\($0)>" } == text)
        // Short links that would take the text past ten parts leave it as it was.
        let long = String(repeating: "x", count: 1_500) + " https://shop.test/a"
        #expect(CampaignTextLinks.trackedWithinLimit(long, targets: ["https://shop.test/a"]) { _ in "https://r.test/s/" + String(repeating: "y", count: 80) } == long)
        #expect(CampaignTextLinks.trackedWithinLimit(text, targets: ["https://shop.test/a"]) { "<\($0)>" } == tracked)
    }
}
