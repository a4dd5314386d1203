/// Why a phone number could not be read.
public enum PhoneNumberProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unexpectedCharacter(Character)
    case wrongLength
    case wrongNationalLength(region: String, expected: Int)
    case noCountryCode

    public var description: String {
        switch self {
        case .empty: "is empty"
        case .unexpectedCharacter(let character):
            "contains '\(character)'; use digits, an optional leading +, spaces, dashes, dots or parentheses"
        case .wrongLength: "must have 8 to 15 digits including the country code (E.164)"
        case .wrongNationalLength(let region, let expected):
            "is not a \(region) number: national numbers there have \(expected) digits; add +countrycode for other countries"
        case .noCountryCode: "has no country code; write it as +countrycode followed by the number"
        }
    }
}
