import RapportCore

extension SMSSegments {
    /// The count as the campaign pages show it, word for word what `sms-segments.js` writes
    /// under the text while it is typed: `58 characters · GSM-7 · 1 SMS`. The characters are
    /// the units counted: septets (an extension character such as € counts 2) or UTF-16 units
    /// (most emoji count 2).
    var counterText: String {
        "\(units) character\(units == 1 ? "" : "s") · \(encoding == .gsm7 ? "GSM-7" : "UCS-2") · \(segments) SMS"
    }
}
