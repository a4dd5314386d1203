/// How an SMS carries its text (3GPP TS 23.038): in GSM 7-bit septets when every character is in
/// the GSM default alphabet or its extension table, otherwise in UCS-2. Phones and providers
/// treat UCS-2 as UTF-16, so a character outside the Basic Multilingual Plane (most emoji) takes
/// two units, a surrogate pair.
public enum SMSEncoding: String, Sendable, Codable, CaseIterable {
    /// 7-bit septets of the GSM default alphabet and its extension table.
    case gsm7
    /// UCS-2, counted as UTF-16 code units.
    case ucs2

    /// The units one message holds: its 140 octets of user data (3GPP TS 23.040) are 160 septets
    /// or 70 UCS-2 characters.
    public var singleMessageCapacity: Int {
        switch self {
        case .gsm7: 160
        case .ucs2: 70
        }
    }

    /// The units each part of a concatenated message holds: the 6-octet user data header that
    /// numbers the parts (TS 23.040 §9.2.3.24.1) leaves 134 octets, 153 septets or 67 UCS-2
    /// characters.
    public var segmentCapacity: Int {
        switch self {
        case .gsm7: 153
        case .ucs2: 67
        }
    }
}
