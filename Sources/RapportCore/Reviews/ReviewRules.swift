import Foundation
import RapportLearning

/// What a review must be to be taken, and what it is when taken: the checks on its fields, who
/// counts as a verified buyer, and its sentiment.
public enum ReviewRules {
    public static let maximumTitleLength = 150
    public static let maximumBodyLength = 5_000
    public static let maximumReasonLength = 500
    public static let maximumPhotos = 10
    public static let maximumPhotoURLLength = 2_048
    public static let maximumPhotoAltLength = 200
    public static let maximumPhotoSide = 20_000

    /// The input's fields, checked; the first that is wrong is named.
    static func checked(_ input: ReviewInput) throws -> ReviewInput {
        var input = input
        guard (1...5).contains(input.rating) else { throw RapportError.invalid(field: "rating", "must be a whole number from 1 to 5") }
        input.title = input.title.trimmed
        input.body = input.body.trimmed
        guard input.title.count <= maximumTitleLength else {
            throw RapportError.invalid(field: "title", "must be at most \(maximumTitleLength) characters")
        }
        guard !input.body.isEmpty || !input.title.isEmpty else { throw RapportError.invalid(field: "body", "is required when there is no title") }
        for (field, text) in [("title", input.title), ("body", input.body)] where hasControlCharacters(text) {
            throw RapportError.invalid(field: field, "must not hold control characters")
        }
        guard input.body.count <= maximumBodyLength else {
            throw RapportError.invalid(field: "body", "must be at most \(maximumBodyLength) characters")
        }
        if let locale = input.locale?.trimmed, !locale.isEmpty {
            guard locale.count <= 35, locale.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw RapportError.invalid(field: "locale", "must be a language tag such as en or de-AT")
            }
            input.locale = locale
        } else {
            input.locale = nil
        }
        input.photos = try checkedPhotos(input.photos)
        return input
    }

    /// A review's photos, checked: at most `maximumPhotos`, each an https address with no
    /// credentials in it (the page shows it to anyone), its size in pixels when given, its
    /// description trimmed (blank is none); an address given twice is kept once.
    static func checkedPhotos(_ photos: [ReviewPhoto]) throws -> [ReviewPhoto] {
        guard photos.count <= maximumPhotos else { throw RapportError.invalid(field: "photos", "may hold at most \(maximumPhotos) photos") }
        var kept: [ReviewPhoto] = []
        for (index, photo) in photos.enumerated() {
            let field = "photos[\(index)]"
            let url = photo.url.trimmed
            guard url.utf8.count <= maximumPhotoURLLength, isPhotoAddress(url) else {
                throw RapportError.invalid(
                    field: "\(field).url", "must be an https address of the image, with no user name or password in it, at most \(maximumPhotoURLLength) characters")
            }
            for (name, side) in [("width", photo.width), ("height", photo.height)] {
                if let side, !(1...maximumPhotoSide).contains(side) {
                    throw RapportError.invalid(field: "\(field).\(name)", "must be a whole number of pixels from 1 to \(maximumPhotoSide)")
                }
            }
            let alt = photo.alt?.trimmed
            if let alt, alt.count > maximumPhotoAltLength {
                throw RapportError.invalid(field: "\(field).alt", "must be at most \(maximumPhotoAltLength) characters")
            }
            guard !kept.contains(where: { $0.url == url }) else { continue }
            kept.append(ReviewPhoto(url: url, width: photo.width, height: photo.height, alt: alt?.isEmpty == false ? alt : nil))
        }
        return kept
    }

    /// An https address with a host and no credentials, written with the characters of an
    /// address only (no spaces, quotes or angle brackets, however lenient a parser is), on a
    /// public name: not an IP address, `localhost` or a local name (the moderation page shows
    /// the photo in the team's browsers, which must not be sent to their own network).
    static func isPhotoAddress(_ text: String) -> Bool {
        let refused = Set("\"<>\\^`{|}")
        guard !text.contains(where: { $0.isWhitespace || refused.contains($0) || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
        else { return false }
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "https", let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil
        else { return false }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        // A browser reads a host whose last label is a number (`127.1`, `0x7f.1`, `2130706433`)
        // as an IPv4 address; a colon is IPv6.
        let numeric = OutboundTargets.isNumberLabel(name.split(separator: ".").last ?? Substring(name))
        let local = ["localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa"]
        guard name.contains("."), !name.contains(":"), !name.hasPrefix("["), !numeric, !local.contains(where: { name == $0 || name.hasSuffix($0) })
        else { return false }
        return true
    }

    /// Whether text holds a control character other than a tab or a line break (a NUL cannot
    /// be stored, and none of them can be shown).
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
    }

    /// A verified buyer: the order is theirs, has the product in it, and was delivered — not
    /// merely placed.
    public static func isVerifiedBuyer(order: Order, customerID: String, productID: String) -> Bool {
        order.customerID == customerID && order.deliveredAt != nil && order.status != .cancelled
            && order.lines.contains { $0.productID == productID }
    }

    /// The review's sentiment from −1 to 1: its title and text read together.
    static func sentiment(title: String, body: String) -> Double {
        SentimentAnalyzer().analyze([title, body].filter { !$0.isEmpty }.joined(separator: ". ")).score
    }
}
