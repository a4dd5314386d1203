import RapportLearning

/// The language the bot answers in: the customer's, as their last message that said something
/// recognisable showed (a postcode or an order number says nothing).
public enum BotLanguage: String, Sendable, Codable {
    case english = "en"
    case indonesian = "id"

    private static let indonesianWords: Set<String> = [
        "saya", "aku", "mau", "ingin", "pesanan", "orderan", "tolong", "dong", "kak", "apa", "apakah", "bagaimana", "gimana",
        "sudah", "belum", "di", "mana", "yang", "untuk", "terima", "kasih", "makasih", "bisa", "tidak", "nggak", "gak", "ya",
        "iya", "barang", "kapan", "berapa", "dengan", "ini", "itu", "dan", "ke", "dari", "halo", "selamat", "pagi", "siang",
        "malam", "retur", "batal", "batalkan", "alamat", "bayar", "pembayaran", "kirim", "resi", "sampai", "minta", "boleh",
    ]
    private static let englishWords: Set<String> = [
        "i", "my", "me", "the", "is", "where", "what", "how", "when", "can", "you", "want", "would", "like", "please", "order",
        "to", "a", "an", "it", "of", "for", "and", "do", "does", "have", "has", "hi", "hello", "thanks", "thank", "yes", "no",
        "return", "cancel", "address", "pay", "payment", "tracking", "this", "that", "with", "not",
    ]

    /// The language of a message, or nil when it gives no sign (numbers, an e-mail address).
    public static func detect(_ text: String) -> BotLanguage? {
        let words = TextFeatures.words(text)
        let indonesian = words.filter(indonesianWords.contains).count
        let english = words.filter(englishWords.contains).count
        if indonesian == english { return nil }
        return indonesian > english ? .indonesian : .english
    }

    /// The language of a customer's profile locale (`id`, `id-ID`, `ind`, or the old code
    /// `in`): Indonesian, else English.
    public static func of(locale: String?) -> BotLanguage {
        let code = locale?.trimmed.lowercased().prefix { $0.isLetter } ?? ""
        return ["id", "in", "ind"].contains(code) ? .indonesian : .english
    }

    /// The English or the Indonesian text.
    func say(_ english: String, _ indonesian: String) -> String {
        self == .indonesian ? indonesian : english
    }
}
