/// ISO 4217 currency codes and how many minor-unit digits each has.
public enum Currency {
    /// Currencies whose minor unit is not the usual hundredth (ISO 4217 list, "minor unit" column).
    private static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    /// The code in upper case if it has the shape of an ISO 4217 code (three letters), else nil.
    public static func normalized(_ code: String) -> String? {
        let upper = code.trimmed.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return upper
    }

    /// Digits after the decimal point in amounts of `code` (2 unless ISO 4217 says otherwise).
    public static func minorDigits(_ code: String) -> Int {
        exceptions[code] ?? 2
    }

    /// An amount written in major units (`"409.94"`, `"1,000.5"` is refused) as minor units,
    /// exactly: the text is read digit by digit, never through a binary floating point.
    public static func minorUnits(fromDecimal text: String, currency: String) -> Int64? {
        let digits = minorDigits(currency)
        var trimmed = Substring(text.trimmed)
        var negative = false
        if trimmed.first == "-" {
            negative = true
            trimmed = trimmed.dropFirst()
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count <= 15
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !(parts.count == 2 && fraction.isEmpty && parts[0].isEmpty) else { return nil }
        // Digits beyond the currency's precision are rounded half up.
        var roundUp = false
        if fraction.count > digits {
            let extra = fraction.dropFirst(digits)
            roundUp = (extra.first?.wholeNumberValue ?? 0) >= 5
            fraction = String(fraction.prefix(digits))
        }
        fraction += String(repeating: "0", count: digits - fraction.count)
        guard let major = Int64(parts[0].isEmpty ? "0" : String(parts[0])), let minor = Int64(fraction.isEmpty ? "0" : fraction)
        else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let value = major * scale + minor + (roundUp ? 1 : 0)
        return negative ? -value : value
    }

    /// A JSON number in major units (as Segment's e-commerce events send prices) as minor units.
    public static func minorUnits(fromMajor value: Double, currency: String) -> Int64? {
        guard value.isFinite, abs(value) < 1e13 else { return nil }
        var scale = 1.0
        for _ in 0..<minorDigits(currency) { scale *= 10 }
        return Int64((value * scale).rounded())
    }
}
