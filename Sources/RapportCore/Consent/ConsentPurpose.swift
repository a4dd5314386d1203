/// What a customer agrees to be contacted or tracked for. Rapport names four; a store may add
/// its own (`loyalty`, `events`): 1 to 40 characters of a-z, 0-9 and `_`. Service messages
/// (order updates, replies to a customer's own message) need no consent and are not a purpose.
public struct ConsentPurpose: RawRepresentable, Hashable, Sendable, Codable {
    public static let marketing = ConsentPurpose(rawValue: "marketing")
    public static let personalisation = ConsentPurpose(rawValue: "personalisation")
    public static let surveys = ConsentPurpose(rawValue: "surveys")
    public static let analytics = ConsentPurpose(rawValue: "analytics")
    public static let standard = [marketing, personalisation, surveys, analytics]

    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Whether a caller's word can name a purpose.
    public static func isValid(_ name: String) -> Bool {
        (1...40).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
