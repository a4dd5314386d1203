/// The GSM 7-bit default alphabet of 3GPP TS 23.038 §6.2.1: the characters an SMS can carry in
/// 7-bit septets. Those of the basic table take one septet; those of its extension table (§6.2.1.1:
/// form feed, ^ { } \ [ ~ ] | €) take two, an escape (0x1B) and the character.
///
/// The basic table has 128 code points; one, 0x1B, is the escape and no character, so it holds
/// 127 characters. The extension table holds 10 (its other entries are reserved or control
/// codes). 0x09 is the capital Ç, as TS 23.038's table draws it; unicode.org's GSM 03.38 mapping
/// reads it as the small ç instead. Rapport counts only Ç as GSM, so a text with ç is counted as
/// UCS-2: if a provider sends it as GSM-7, the text costs less than shown, never more.
enum GSMAlphabet {
    /// How many septets `scalar` takes, or nil when the alphabet has no such character.
    static func septets(for scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extensionTable.contains(scalar) { return 2 }
        return nil
    }

    /// The basic table's 127 characters, in the order of their code points 0x00–0x7F; 0x1B,
    /// the escape to the extension table, stands for no character and is left out.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The extension table's 10 characters.
    static let extensionTable: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)
}
