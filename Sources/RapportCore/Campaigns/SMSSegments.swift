/// How many messages an SMS text is sent as, and in which encoding: what the campaign editor
/// shows while typing and what a campaign's cost per recipient is counted in.
///
/// GSM-7 applies when every character is in the GSM default alphabet; an extension-table
/// character (^ { } \ [ ~ ] | € and form feed) takes two septets. One message holds 160 septets;
/// a longer text is split into parts of 153. Any other character makes the whole text UCS-2,
/// counted in UTF-16 code units: 70 in one message, 67 per part. An escape pair or a surrogate
/// pair is never split across parts: when one does not fit, the part ends a unit early. Text is
/// counted by Unicode scalar, so "\r\n" is two septets. National language shift tables
/// (TS 23.038 Annex A) are not used.
///
/// Text is counted as given, without Unicode normalization: "é" written as one scalar (U+00E9)
/// is GSM-7, but written as "e" and a combining acute accent (U+0301) it makes the text UCS-2.
/// The count is of the exact text the sender will pass on, so whoever normalizes (to NFC, say)
/// must do it before counting, and send what was counted.
public struct SMSSegments: Sendable, Equatable {
    /// How the text is carried: GSM-7 when every character allows it, otherwise UCS-2.
    public var encoding: SMSEncoding
    /// The text's septets (GSM-7) or UTF-16 code units (UCS-2), without the units a part leaves
    /// empty so as not to split a pair.
    public var units: Int
    /// How many messages the text is sent as; 0 for an empty text.
    public var segments: Int
    /// The units still free in the last message before the text needs another one.
    public var remainingInSegment: Int

    /// A count as `count(_:)` makes one; for comparing with an expected count.
    public init(encoding: SMSEncoding, units: Int, segments: Int, remainingInSegment: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
        self.remainingInSegment = remainingInSegment
    }

    /// Counts `text`, scalar by scalar, as given (see the type's notes on normalization).
    public static func count(_ text: String) -> SMSSegments {
        var costs: [Int] = []
        for scalar in text.unicodeScalars {
            guard let septets = GSMAlphabet.septets(for: scalar) else {
                return packing(text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }, as: .ucs2)
            }
            costs.append(septets)
        }
        return packing(costs, as: .gsm7)
    }

    /// Fills messages with characters of these unit costs, in order.
    private static func packing(_ costs: [Int], as encoding: SMSEncoding) -> SMSSegments {
        let units = costs.reduce(0, +)
        guard units > encoding.singleMessageCapacity else {
            return SMSSegments(
                encoding: encoding, units: units, segments: units == 0 ? 0 : 1,
                remainingInSegment: encoding.singleMessageCapacity - units)
        }
        let capacity = encoding.segmentCapacity
        var segments = 1
        var filled = 0
        for cost in costs {
            if filled + cost > capacity {
                segments += 1
                filled = 0
            }
            filled += cost
        }
        return SMSSegments(encoding: encoding, units: units, segments: segments, remainingInSegment: capacity - filled)
    }
}
