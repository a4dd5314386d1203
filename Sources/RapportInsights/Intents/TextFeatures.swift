/// Turns a text into hashed sparse features: lower-cased word unigrams and bigrams, and
/// character n-grams (2 to 5) inside each word padded with spaces, so a typo still shares most
/// of its features with the right word and languages without word lists still work. Features
/// are hashed (FNV-1a, the same on every machine) into `dimensions` buckets: words into the
/// lower half, characters into the upper half (`isCharacterFeature`).
public struct TextFeatures: Sendable, Equatable {
    public var dimensions: Int
    public var characterRange: ClosedRange<Int>

    public init(dimensions: Int = 1 << 20, characterRange: ClosedRange<Int> = 2...5) {
        self.dimensions = dimensions
        self.characterRange = characterRange
    }

    public func isCharacterFeature(_ bucket: Int) -> Bool { bucket >= dimensions / 2 }

    /// The words of a text: runs of letters and digits, lower-cased.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Bucket → count of the text's features.
    public func counts(_ text: String) -> [Int: Double] {
        var counts: [Int: Double] = [:]
        let words = Self.words(text)
        func add(_ tag: UInt8, _ scalars: some Sequence<UInt8>) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            hash = (hash ^ UInt64(tag)) &* 0x100_0000_01b3
            for byte in scalars { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            // Word features hash into the lower half, character features into the upper half.
            let half = UInt64(dimensions / 2)
            counts[Int(hash % half + (tag == 3 ? half : 0)), default: 0] += 1
        }
        for (index, word) in words.enumerated() {
            add(1, word.utf8)
            if index > 0 { add(2, Array(words[index - 1].utf8) + [32] + Array(word.utf8)) }
            let padded = Array(" \(word) ".unicodeScalars)
            for length in characterRange where length <= padded.count {
                for start in 0...(padded.count - length) {
                    add(3, String(String.UnicodeScalarView(padded[start..<(start + length)])).utf8)
                }
            }
        }
        return counts
    }
}
