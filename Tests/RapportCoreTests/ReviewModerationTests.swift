import Foundation
@testable import RapportCore
import Testing

@Suite("Review moderation rules, without a database")
struct ReviewModerationTests {
    static func review(rating: Int = 5, verified: Bool = true, title: String = "Lovely", body: String = "Soft and warm.") -> Review {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return Review(
            id: "rev_1", workspaceID: "wsp_1", productID: "prd_1", customerID: "cus_1", orderID: nil, rating: rating, title: title, body: body,
            locale: nil, verified: verified, sentiment: 0.5, source: "api", submittedBy: "operator", createdAt: now, updatedAt: now)
    }

    @Test("flagged words match whole words and phrases, whatever their case and accents; not inside other words")
    func flaggedWords() {
        let words = ["scam", "fake product", "Ünfair"]
        #expect(ReviewModeration.flaggedWord(in: "This is a SCAM!", words: words) == "scam")
        #expect(ReviewModeration.flaggedWord(in: "a scám, really", words: words) == "scam")
        #expect(ReviewModeration.flaggedWord(in: "a Fake\n  product, sadly", words: words) == "fake product")
        #expect(ReviewModeration.flaggedWord(in: "so unfair to me", words: words) == "Ünfair")
        #expect(ReviewModeration.flaggedWord(in: "my scamp of a dog loves it; fake? no, a real product", words: words) == nil)
        #expect(ReviewModeration.flaggedWord(in: "", words: words) == nil)
        #expect(ReviewModeration.flaggedWord(in: "a sc\u{200B}am, a s\u{00AD}cam", words: ["scam"]) == "scam", "invisible characters do not split a word")
        #expect(ReviewModeration.flaggedWord(in: "ｓｃａｍ and 𝐬𝐜𝐚𝐦", words: ["scam"]) == "scam", "full-width and styled letters are letters")
        #expect(ReviewModeration.flaggedWord(in: "这是骗子网站", words: ["骗子"]) == "骗子", "a word of a script without spaces matches inside the text")
        #expect(ReviewModeration.flaggedWord(in: "s c a m, 5cam", words: ["scam"]) == nil, "spaced-out letters and digits pass: the moderator's eye is for those")
    }

    @Test("a link is an address with a scheme, www., or a bare domain on a common top-level domain; abbreviations and decimals are none")
    func links() {
        for text in ["see https://x.test", "WWW.example.test", "buy at cheap-pills.com today", "bit.ly/abc", "ｗｗｗ．example．test", "shop.example.de."] {
            #expect(ReviewModeration.containsLink(text), "\(text) holds a link")
        }
        for text in ["great, e.g. the fit", "4.5 stars", "great.Would buy again", "version 2.0", "Mr. Smith"] {
            #expect(!ReviewModeration.containsLink(text), "\(text) holds no link")
        }
    }

    @Test("with auto-approval on, a verified review of enough stars, without a flagged word or link, approves itself; anything else is held with its reason")
    func decisions() {
        let on = ReviewSettings(autoApprove: true, minimumRating: 4, verifiedOnly: true, holdLinks: true, flaggedWords: ["scam"])
        #expect(ReviewModeration.decide(Self.review(), settings: on) == .approve)
        #expect(ReviewModeration.decide(Self.review(rating: 3), settings: on) == .hold("3 of 5 stars, below the 4 that approve by themselves"))
        #expect(ReviewModeration.decide(Self.review(verified: false), settings: on) == .hold("not by a verified buyer"))
        #expect(ReviewModeration.decide(Self.review(body: "Cheaper at WWW.example.com"), settings: on) == .hold("contains a link"))
        #expect(ReviewModeration.decide(Self.review(title: "Scam", body: "see https://x.test"), settings: on) == .hold("contains the flagged word “scam”"),
                "the flagged word is named first")
        var open = on
        open.verifiedOnly = false
        open.holdLinks = false
        #expect(ReviewModeration.decide(Self.review(verified: false, body: "https://x.test"), settings: open) == .approve)
        let off = ReviewSettings(flaggedWords: ["scam"])
        #expect(ReviewModeration.decide(Self.review(), settings: off) == .hold(nil), "off: every review waits, with no reason to give")
        #expect(ReviewModeration.decide(Self.review(body: "a scam"), settings: off) == .hold("contains the flagged word “scam”"),
                "off, a flagged word still tells the moderator why to look")
    }

    @Test("settings are checked: the rating on the scale, words trimmed, blanks and repeats dropped, each and their number bounded")
    func checkedSettings() throws {
        let cleaned = try ReviewModeration.checked(ReviewSettings(flaggedWords: [" scam ", "", "SCAM", "fake  product", "Fake product", "  "]))
        #expect(cleaned.flaggedWords == ["scam", "fake  product"])
        for rating in [0, 6] {
            #expect(throws: RapportError.self) { try ReviewModeration.checked(ReviewSettings(minimumRating: rating)) }
        }
        #expect(throws: RapportError.self) { try ReviewModeration.checked(ReviewSettings(flaggedWords: [String(repeating: "a", count: 101)])) }
        for word in ["scam\u{0}", "free, gift", "free\ngift"] {
            #expect(throws: RapportError.self, "\(word.debugDescription) is refused") { try ReviewModeration.checked(ReviewSettings(flaggedWords: [word])) }
        }
        #expect(throws: RapportError.self) { try ReviewModeration.checked(ReviewSettings(flaggedWords: (0...500).map { "word\($0)" })) }
    }

    @Test("a review with photos waits for a person while hold_photos is on (the default), after the link check and before the stars; off, it approves itself")
    func photosHold() {
        var review = Self.review()
        review.photos = [ReviewPhoto(url: "https://cdn.shop.test/1.jpg")]
        #expect(ReviewModeration.decide(review, settings: ReviewSettings(autoApprove: true)) == .hold("has photos to look at"))
        #expect(ReviewModeration.decide(review, settings: ReviewSettings(autoApprove: true, holdPhotos: false)) == .approve)
        review.body = "See www.cheap.test"
        #expect(ReviewModeration.decide(review, settings: ReviewSettings(autoApprove: true)) == .hold("contains a link"))
        #expect(ReviewModeration.decide(Self.review(), settings: ReviewSettings(autoApprove: true)) == .approve, "no photos, nothing to hold")
        var described = Self.review()
        described.photos = [ReviewPhoto(url: "https://cdn.shop.test/1.jpg", alt: "cheap pills at pills.example.com SCAM")]
        #expect(ReviewModeration.decide(described, settings: ReviewSettings(flaggedWords: ["scam"])) == .hold("contains the flagged word “scam”"), "a photo's description is read")
        #expect(ReviewModeration.decide(described, settings: ReviewSettings(autoApprove: true, holdPhotos: false)) == .hold("contains a link"))
    }

    @Test("photos are checked: https only, no credentials, no spaces or quotes, sizes in range, at most ten; trimmed, repeats kept once, a blank description none")
    func photoRules() throws {
        let good = try ReviewRules.checkedPhotos([
            ReviewPhoto(url: " https://cdn.shop.test/a.jpg ", width: 800, height: 600, alt: "  "), ReviewPhoto(url: "https://cdn.shop.test/a.jpg"),
        ])
        #expect(good == [ReviewPhoto(url: "https://cdn.shop.test/a.jpg", width: 800, height: 600, alt: nil)])
        for url in ["http://cdn.shop.test/a.jpg", "https://u:p@cdn.shop.test/a.jpg", "https://cdn.shop.test/a b.jpg", "https://cdn.shop.test/a\"b.jpg",
                    "https://cdn.shop.test/<a>.jpg", "https:///a.jpg", "data:image/png;base64,AAAA", "//cdn.shop.test/a.jpg",
                    "https://127.0.0.1/a.jpg", "https://[::1]/a.jpg", "https://localhost/a.jpg", "https://router.local/a.jpg", "https://intranet/a.jpg",
                    "https://10.0.0.8/a.jpg", "https://metadata.internal/a.jpg", "https://0x7f.1/a.jpg", "https://127.0.0.0x1/a.jpg",
                    "https://0x7f000001./a.jpg", "https://2130706433/a.jpg", "https://localhost./a.jpg", "https://router.local./a.jpg",
                    "https://intranet./a.jpg", "https://[::ffff:127.0.0.1]/a.jpg"] {
            #expect(throws: RapportError.self, "\(url)") { try ReviewRules.checkedPhotos([ReviewPhoto(url: url)]) }
        }
        #expect(throws: RapportError.invalid(field: "photos[0].height", "must be a whole number of pixels from 1 to 20000")) {
            try ReviewRules.checkedPhotos([ReviewPhoto(url: "https://cdn.shop.test/a.jpg", height: 20_001)])
        }
        #expect(throws: RapportError.invalid(field: "photos", "may hold at most 10 photos")) {
            try ReviewRules.checkedPhotos((0..<11).map { ReviewPhoto(url: "https://cdn.shop.test/\($0).jpg") })
        }
    }

    @Test("an imported review shows the name it was published under, shortened; surname first is read as such")
    func publishedNames() {
        #expect(ReviewService.author(displayName: "Maria Gonzalez") == "Maria G.")
        #expect(ReviewService.author(displayName: "Schmidt, Anna") == "Anna S.")
        #expect(ReviewService.author(displayName: "Mr Smith") == "Mr S.")
        #expect(ReviewService.author(displayName: "anna@example.com") == ReviewService.anonymousAuthor)
        #expect(ReviewService.author(displayName: "Anonymous") == "Anonymous")
        #expect(ReviewService.author(displayName: "Smith,") == "Smith")
        #expect(ReviewRules.hasControlCharacters("a\u{0}b") && ReviewRules.hasControlCharacters("bell\u{7}") && !ReviewRules.hasControlCharacters("two\nlines\tand\r\n"))
        #expect(throws: RapportError.invalid(field: "body", "must not hold control characters")) {
            try ReviewRules.checked(ReviewInput(customerID: "cus_1", rating: 5, title: "Fine", body: "Null\u{0}byte"))
        }
        #expect(CSVImportRows.photoAddresses("https://img.test/a.jpg, https://img.test/b.jpg,") == ["https://img.test/a.jpg", "https://img.test/b.jpg"])
        #expect(CSVImportRows.photoAddresses("https://img.test/w_400,h_400/a.jpg,https://img.test/b.jpg https://img.test/c.jpg|https://img.test/d.jpg")
            == ["https://img.test/w_400,h_400/a.jpg", "https://img.test/b.jpg", "https://img.test/c.jpg", "https://img.test/d.jpg"])
    }
}
