/// Amounts as people read them in summaries: `409.94 USD`.
public enum MoneyText {
    public static func format(_ minorUnits: Int64, _ currency: String) -> String {
        let digits = Currency.minorDigits(currency)
        guard digits > 0 else { return "\(minorUnits) \(currency)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        let fraction = String(magnitude % UInt64(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(minorUnits < 0 ? "-" : "")\(magnitude / UInt64(scale)).\(padded) \(currency)"
    }
}
