import Foundation

/// Writes phone numbers in E.164 (`+4915112345678`). International forms (`+…`, `00…`) are
/// taken as they are; national forms are read in the default region.
public struct PhoneNumberNormalizer: Sendable {
    public var defaultRegion: PhoneRegion

    public init(defaultRegion: PhoneRegion) {
        self.defaultRegion = defaultRegion
    }

    /// The E.164 form of `raw`, or a sentence saying what is wrong with it.
    public func normalize(_ raw: String) -> Result<String, PhoneNumberProblem> {
        var trimmed = raw.trimmed
        guard !trimmed.isEmpty else { return .failure(.empty) }
        // "+49 (0)151 …": the bracketed trunk prefix is for dialling at home, not part of E.164.
        if trimmed.utf8.contains(UInt8(ascii: "(")), trimmed.hasPrefix("+") || trimmed.hasPrefix("00") {
            trimmed = trimmed.replacingOccurrences(of: "(0)", with: "")
        }
        let allowedPunctuation: Set<Character> = [" ", "-", ".", "(", ")", "/", "\u{00A0}"]
        var digits = ""
        var international = false
        for (offset, character) in trimmed.enumerated() {
            if character == "+" && offset == 0 {
                international = true
            } else if let ascii = character.asciiValue, (48...57).contains(ascii) {
                digits.append(character)
            } else if !allowedPunctuation.contains(character) {
                return .failure(.unexpectedCharacter(character))
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        let e164Digits: String
        if international {
            e164Digits = digits
        } else {
            e164Digits = defaultRegion.callingCode + nationalSignificantNumber(digits)
            if let length = defaultRegion.nationalLength,
                e164Digits.count - defaultRegion.callingCode.count != length
            {
                return .failure(.wrongNationalLength(region: defaultRegion.code, expected: length))
            }
        }
        guard (8...15).contains(e164Digits.count) else { return .failure(.wrongLength) }
        guard e164Digits.first != "0" else { return .failure(.noCountryCode) }
        return .success("+" + e164Digits)
    }

    private func nationalSignificantNumber(_ digits: String) -> String {
        guard let trunk = defaultRegion.trunkPrefix, digits.hasPrefix(trunk) else { return digits }
        // NANP numbers are 10 digits; a leading 1 is the trunk prefix only on an 11-digit number.
        if let length = defaultRegion.nationalLength, digits.count != length + trunk.count { return digits }
        return String(digits.dropFirst(trunk.count))
    }
}
