/// What Rapport needs to know of a region to write its national numbers in E.164: the country
/// calling code and whether a leading national trunk prefix (`0` in most of Europe) is dropped.
/// Calling codes and trunk prefixes are from ITU-T E.164 assignments and national numbering plans.
public struct PhoneRegion: Sendable, Equatable {
    public var code: String
    public var callingCode: String
    public var trunkPrefix: String?
    /// The exact length of a national significant number, where the plan fixes it (NANP: 10).
    public var nationalLength: Int?

    public init(code: String, callingCode: String, trunkPrefix: String?, nationalLength: Int? = nil) {
        self.code = code
        self.callingCode = callingCode
        self.trunkPrefix = trunkPrefix
        self.nationalLength = nationalLength
    }

    /// The regions Rapport can take as a default, keyed by ISO 3166-1 alpha-2 code.
    public static let known: [String: PhoneRegion] = {
        let table: [(String, String, String?, Int?)] = [
            ("US", "1", "1", 10), ("CA", "1", "1", 10), ("GB", "44", "0", nil), ("IE", "353", "0", nil),
            ("DE", "49", "0", nil), ("AT", "43", "0", nil), ("CH", "41", "0", nil), ("FR", "33", "0", 9),
            ("BE", "32", "0", nil), ("NL", "31", "0", 9), ("LU", "352", nil, nil), ("ES", "34", nil, 9),
            ("PT", "351", nil, 9), ("IT", "39", nil, nil), ("SE", "46", "0", nil), ("NO", "47", nil, 8),
            ("DK", "45", nil, 8), ("FI", "358", "0", nil), ("PL", "48", nil, 9), ("CZ", "420", nil, 9),
            ("GR", "30", nil, 10), ("TR", "90", "0", 10), ("AU", "61", "0", 9), ("NZ", "64", "0", nil),
            ("IN", "91", "0", 10), ("BR", "55", "0", nil), ("MX", "52", nil, 10), ("AR", "54", "0", nil),
            ("JP", "81", "0", nil), ("CN", "86", "0", nil), ("KR", "82", "0", nil), ("SG", "65", nil, 8),
            ("HK", "852", nil, 8), ("ZA", "27", "0", 9), ("NG", "234", "0", nil), ("KE", "254", "0", 9),
            ("EG", "20", "0", nil), ("AE", "971", "0", nil), ("SA", "966", "0", 9), ("IL", "972", "0", nil),
        ]
        return Dictionary(uniqueKeysWithValues: table.map {
            ($0.0, PhoneRegion(code: $0.0, callingCode: $0.1, trunkPrefix: $0.2, nationalLength: $0.3))
        })
    }()
}
