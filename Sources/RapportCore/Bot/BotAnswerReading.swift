import Foundation
import RapportLearning

/// Reads a customer's answer to what the bot asked: yes or no, which items, an address, a
/// postcode. English and Indonesian.
enum BotAnswerReading {
    private static let yesWords: Set<String> = [
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "correct", "right", "do", "go",
        "ya", "iya", "yoi", "boleh", "betul", "benar", "oke", "mau", "setuju", "silakan", "lanjut",
    ]
    private static let noWords: Set<String> = [
        "no", "n", "nope", "nah", "not", "don", "dont", "never",
        "tidak", "nggak", "gak", "ga", "enggak", "jangan", "tdk", "ngga",
    ]

    static func isYes(_ text: String) -> Bool {
        let words = TextFeatures.words(text)
        return !words.isEmpty && words.contains(where: yesWords.contains) && !words.contains(where: noWords.contains)
    }

    static func isNo(_ text: String) -> Bool {
        TextFeatures.words(text).contains(where: noWords.contains)
    }

    /// The lines the customer means: by their number in the list the bot showed (`1`, `1 and 3`),
    /// or by words of their titles (`the mug`). Empty when the text names none.
    static func lines(in text: String, from lines: [OrderLine]) -> [OrderLine] {
        choices(in: text, titles: lines.map(\.title)).map { lines[$0] }
    }

    /// The positions (from 0) of the choices the customer means among `titles`, listed by the
    /// bot from 1: by their numbers (when the list was shown: `byNumber`), or else by the words
    /// of their titles (the best match, ties all). Empty when the text names none.
    static func choices(in text: String, titles: [String], byNumber: Bool = true) -> [Int] {
        let words = TextFeatures.words(text)
        let numbers = byNumber ? words.compactMap(Int.init).filter { $0 >= 1 && $0 <= titles.count } : []
        if !numbers.isEmpty { return Set(numbers).sorted().map { $0 - 1 } }
        let said = Set(words.filter { $0.count >= 3 })
        let scores = titles.map { title in Set(TextFeatures.words(title).filter { $0.count >= 3 }).intersection(said).count }
        let best = scores.max() ?? 0
        guard best > 0 else { return [] }
        return scores.indices.filter { scores[$0] == best }
    }

    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "both": 2, "all": Int.max,
        "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "semua": Int.max, "semuanya": Int.max,
    ]

    /// A number of pieces written as digits or as a word (`2`, `two`, `dua`); nil when none.
    static func quantity(in text: String) -> Int? {
        for word in TextFeatures.words(text) {
            if let number = Int(word) { return number }
            if let number = numberWords[word] { return number }
        }
        return nil
    }

    /// Whether the text holds the postcode (spaces and case ignored).
    static func mentions(postcode: String, in text: String) -> Bool {
        let wanted = normalized(postcode)
        guard !wanted.isEmpty else { return false }
        return normalized(text).contains(wanted)
    }

    private static func normalized(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// An address written in one message: street first, then a part with the postcode (and
    /// the city), on separate lines or separated by commas. The country carries over from the
    /// order's address. Nil when there is no street and postcode to be found.
    static func address(in text: String, country: String?) -> Address? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 2,
            let postcodeIndex = parts.indices.dropFirst().first(where: { postcode(in: parts[$0]) != nil }),
            let code = postcode(in: parts[postcodeIndex])
        else { return nil }
        var city = parts[postcodeIndex].replacingOccurrences(of: code, with: "").trimmingCharacters(in: .whitespaces)
        if city.isEmpty, postcodeIndex + 1 < parts.count { city = parts[postcodeIndex + 1] }
        let middle = parts[1..<postcodeIndex].joined(separator: ", ")
        return Address(
            line1: parts[0], line2: middle.isEmpty ? nil : middle, city: city.isEmpty ? nil : city, postalCode: code,
            country: country)
    }

    /// A postcode: a word of 4 to 6 digits (Indonesia, most of Europe, the US).
    private static func postcode(in part: String) -> String? {
        part.split(separator: " ").map(String.init).first { word in
            (4...6).contains(word.count) && word.allSatisfy(\.isNumber)
        }
    }
}
