import Foundation
@testable import RapportCore
import Testing

@Suite("SMS segments")
struct SMSSegmentsTests {
    /// One entry of `Fixtures/sms-segments.json`.
    struct Vector: Decodable {
        var text: String
        var encoding: SMSEncoding
        var units: Int
        var segments: Int
        var remaining: Int
    }

    static func gsm(_ units: Int, segments: Int, remaining: Int) -> SMSSegments {
        SMSSegments(encoding: .gsm7, units: units, segments: segments, remainingInSegment: remaining)
    }

    static func ucs2(_ units: Int, segments: Int, remaining: Int) -> SMSSegments {
        SMSSegments(encoding: .ucs2, units: units, segments: segments, remainingInSegment: remaining)
    }

    static func repeated(_ text: String, _ count: Int) -> String {
        String(repeating: text, count: count)
    }

    @Test("every vector of the fixture file, written apart from this code, counts the same here")
    func sharedVectors() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sms-segments.json")
        let vectors = try JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
        #expect(vectors.count >= 30)
        #expect(vectors.contains { $0.encoding == .gsm7 } && vectors.contains { $0.encoding == .ucs2 })
        for vector in vectors {
            let expected = SMSSegments(
                encoding: vector.encoding, units: vector.units, segments: vector.segments, remainingInSegment: vector.remaining)
            #expect(SMSSegments.count(vector.text) == expected, "\(vector.text.prefix(24)) (\(vector.text.unicodeScalars.count) characters)")
        }
    }

    @Test("an empty text is GSM-7, no message, with a whole message free")
    func empty() {
        #expect(SMSSegments.count("") == Self.gsm(0, segments: 0, remaining: 160))
    }

    @Test("160 GSM characters are one message; 161 are two parts of at most 153")
    func gsmSingleMessageBoundary() {
        #expect(SMSSegments.count(Self.repeated("a", 160)) == Self.gsm(160, segments: 1, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("a", 161)) == Self.gsm(161, segments: 2, remaining: 145))
    }

    @Test("306 GSM characters fill two parts exactly; 307 need a third")
    func gsmConcatenatedBoundary() {
        #expect(SMSSegments.count(Self.repeated("a", 306)) == Self.gsm(306, segments: 2, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("a", 307)) == Self.gsm(307, segments: 3, remaining: 152))
    }

    @Test("plain GSM text of any length takes 1 message up to 160, then ⌈n / 153⌉ parts")
    func gsmLengths() {
        for length in 0...800 {
            let expected = length == 0 ? 0 : length <= 160 ? 1 : (length + 152) / 153
            #expect(SMSSegments.count(Self.repeated("e", length)).segments == expected, "length \(length)")
        }
    }

    @Test("an extension character counts two septets: 158 letters and { fill one message, 159 and { need two")
    func extensionAtSingleBoundary() {
        #expect(SMSSegments.count(Self.repeated("a", 158) + "{") == Self.gsm(160, segments: 1, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("a", 159) + "{") == Self.gsm(161, segments: 2, remaining: 145))
        #expect(SMSSegments.count("[~]|^{}\\€\u{0C}") == Self.gsm(20, segments: 1, remaining: 140))
    }

    @Test("an escape pair that would straddle two parts moves whole to the next one")
    func extensionAtPartBoundary() {
        // 152 letters, then € needs 2 septets where 1 is left: the first part ends at 152.
        #expect(SMSSegments.count(Self.repeated("a", 152) + "€" + Self.repeated("a", 7)) == Self.gsm(161, segments: 2, remaining: 144))
        // 306 septets, which would fit two parts exactly if the pair could be split, need three.
        #expect(SMSSegments.count(Self.repeated("a", 152) + "€" + Self.repeated("a", 152)) == Self.gsm(306, segments: 3, remaining: 152))
    }

    @Test("70 UCS-2 characters are one message; 71 are two parts of at most 67")
    func ucs2SingleMessageBoundary() {
        #expect(SMSSegments.count(Self.repeated("ж", 70)) == Self.ucs2(70, segments: 1, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("ж", 71)) == Self.ucs2(71, segments: 2, remaining: 63))
    }

    @Test("134 UCS-2 characters fill two parts exactly; 135 need a third")
    func ucs2ConcatenatedBoundary() {
        #expect(SMSSegments.count(Self.repeated("ж", 134)) == Self.ucs2(134, segments: 2, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("ж", 135)) == Self.ucs2(135, segments: 3, remaining: 66))
    }

    @Test("an emoji is two UTF-16 units, and its surrogate pair is never split across parts")
    func emojiAtBoundary() {
        #expect(SMSSegments.count(Self.repeated("ж", 68) + "😀") == Self.ucs2(70, segments: 1, remaining: 0))
        #expect(SMSSegments.count(Self.repeated("ж", 69) + "😀") == Self.ucs2(71, segments: 2, remaining: 63))
        // 66 units, then the pair where 1 is left: the first part ends at 66.
        #expect(SMSSegments.count(Self.repeated("ж", 66) + "😀" + Self.repeated("ж", 4)) == Self.ucs2(72, segments: 2, remaining: 61))
        #expect(SMSSegments.count(Self.repeated("ж", 66) + "😀" + Self.repeated("ж", 66)) == Self.ucs2(134, segments: 3, remaining: 66))
    }

    @Test("one character outside the GSM alphabet makes the whole text UCS-2")
    func oneCharacterDecides() {
        #expect(SMSSegments.count("Hello 😀") == Self.ucs2(8, segments: 1, remaining: 62))
        #expect(SMSSegments.count("It’s here").encoding == .ucs2)
        #expect(SMSSegments.count("It's here").encoding == .gsm7)
        #expect(SMSSegments.count("ça va").encoding == .ucs2, "only the capital Ç is in the alphabet")
        #expect(SMSSegments.count("Ça va? Öl für 5€") == Self.gsm(17, segments: 1, remaining: 143))
        #expect(SMSSegments.count("ΔΦΓΛΩΠΨΣΘΞ").encoding == .gsm7)
    }

    @Test("the basic table holds 127 characters (128 code points less the escape), the extension table 10")
    func alphabetSizes() {
        #expect(GSMAlphabet.basic.count == 127)
        #expect(GSMAlphabet.extensionTable.count == 10)
        #expect(GSMAlphabet.basic.isDisjoint(with: GSMAlphabet.extensionTable))
        #expect(!GSMAlphabet.basic.contains("\u{1B}") && !GSMAlphabet.extensionTable.contains("\u{1B}"), "the escape is no character")
        // Spot checks at both ends and in the middle of the basic table's code points.
        for scalar: Unicode.Scalar in ["@", "£", "\n", "\r", "Δ", "É", "¤", "¡", "§", "¿", "à", " "] {
            #expect(GSMAlphabet.septets(for: scalar) == 1, "\(scalar.escaped(asASCII: true))")
        }
        for scalar: Unicode.Scalar in ["\u{0C}", "^", "{", "}", "\\", "[", "~", "]", "|", "€"] {
            #expect(GSMAlphabet.septets(for: scalar) == 2, "\(scalar.escaped(asASCII: true))")
        }
    }

    @Test("characters close to the alphabet are not in it: backtick, no-break space, small ç, cent, tab, curly apostrophe, a combining mark")
    func notInTheAlphabet() {
        for scalar: Unicode.Scalar in ["`", "\u{A0}", "ç", "¢", "\t", "\u{2019}", "\u{308}"] {
            #expect(GSMAlphabet.septets(for: scalar) == nil, "\(scalar.escaped(asASCII: true))")
            #expect(SMSSegments.count("Hi " + String(Character(scalar))).encoding == .ucs2, "\(scalar.escaped(asASCII: true))")
        }
    }

    @Test("text is counted as given, without normalization: é as one scalar is GSM-7, e with a combining accent is UCS-2")
    func noNormalization() {
        #expect(SMSSegments.count("Caf\u{E9}") == Self.gsm(4, segments: 1, remaining: 156))
        #expect(SMSSegments.count("Cafe\u{301}") == Self.ucs2(5, segments: 1, remaining: 65))
        #expect("Caf\u{E9}" == "Cafe\u{301}", "Swift calls the two texts equal; the count tells them apart")
    }

    @Test("characters are counted by Unicode scalar: CR LF is two septets, a flag four UTF-16 units")
    func scalarsNotGraphemes() {
        #expect(SMSSegments.count("a\r\nb") == Self.gsm(4, segments: 1, remaining: 156))
        #expect(SMSSegments.count("🇮🇩") == Self.ucs2(4, segments: 1, remaining: 66))
    }

    @Test("the capacities are 160 and 153 septets, 70 and 67 UCS-2 characters")
    func capacities() {
        #expect(SMSEncoding.gsm7.singleMessageCapacity == 160 && SMSEncoding.gsm7.segmentCapacity == 153)
        #expect(SMSEncoding.ucs2.singleMessageCapacity == 70 && SMSEncoding.ucs2.segmentCapacity == 67)
    }
}
