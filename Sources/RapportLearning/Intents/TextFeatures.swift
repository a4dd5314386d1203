/// Turns a text into hashed sparse features: lower-cased word unigrams and bigrams, word pairs
/// one or two words apart (`skip-bigrams`: "credit … score" whatever stands between), and
/// character n-grams (2 to 5) inside each word padded with spaces, so a typo still shares most
/// of its features with the right word and languages without word lists still work. Features
/// are hashed (FNV-1a, the same on every machine) into `dimensions` buckets: words into the
/// first half, word pairs into the third quarter, characters into the last (`group(of:)`).
public struct TextFeatures: Sendable, Equatable {
    public var dimensions: Int
    public var characterRange: ClosedRange<Int>

    public init(dimensions: Int = 1 << 20, characterRange: ClosedRange<Int> = 2...5) {
        self.dimensions = dimensions
        self.characterRange = characterRange
    }

    public func group(of bucket: Int) -> FeatureGroup {
        bucket < dimensions / 2 ? .words : bucket < dimensions / 4 * 3 ? .wordPairs : .characters
    }

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
            let quarter = UInt64(dimensions / 4)
            let bucket = switch tag {
            case 3: hash % quarter + 3 * quarter
            case 4: hash % quarter + 2 * quarter
            default: hash % (2 * quarter)
            }
            counts[Int(bucket), default: 0] += 1
        }
        for (index, word) in words.enumerated() {
            add(1, word.utf8)
            if index > 0 { add(2, Array(words[index - 1].utf8) + [32] + Array(word.utf8)) }
            for gap in 2...3 where index >= gap { add(4, Array(words[index - gap].utf8) + [32] + Array(word.utf8)) }
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
