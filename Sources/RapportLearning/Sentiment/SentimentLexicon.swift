/// Word polarities for customer messages in English and Indonesian (−3 … 3), written for
/// retail support: delivery, refunds, quality, service. Negations flip the next two words,
/// intensifiers strengthen the next one.
public enum SentimentLexicon {
    public static let words: [String: Double] = [
        // English, positive
        "good": 2, "great": 3, "excellent": 3, "amazing": 3, "awesome": 3, "perfect": 3, "love": 3, "loved": 3, "happy": 2,
        "thanks": 2, "thank": 2, "nice": 2, "fast": 1, "quick": 1, "helpful": 2, "satisfied": 2, "glad": 2, "wonderful": 3,
        "fine": 1, "pleased": 2, "recommend": 2, "beautiful": 2, "easy": 1, "arrived": 1, "works": 1,
        // English, negative
        "bad": -2, "terrible": -3, "awful": -3, "horrible": -3, "worst": -3, "useless": -3, "broken": -2, "damaged": -2,
        "late": -1, "delay": -1, "delayed": -2, "missing": -2, "lost": -2, "wrong": -2, "angry": -3, "furious": -3,
        "disappointed": -2, "disappointing": -2, "unacceptable": -3, "ridiculous": -3, "scam": -3, "fraud": -3,
        "refund": -1, "complaint": -2, "annoyed": -2, "frustrated": -2, "poor": -2, "slow": -1, "rude": -3, "hate": -3,
        "waste": -2, "cheated": -3, "problem": -1, "issue": -1, "twice": -1, "stupid": -3,
        // Indonesian, positive
        "bagus": 2, "baik": 2, "mantap": 3, "puas": 2, "senang": 2, "terima": 1, "kasih": 1, "cepat": 1, "suka": 2,
        "keren": 2, "ramah": 2, "membantu": 2, "sempurna": 3,
        // Indonesian, negative
        "buruk": -2, "jelek": -2, "rusak": -2, "kecewa": -2, "lambat": -1, "telat": -1, "hilang": -2, "salah": -2,
        "marah": -3, "parah": -3, "penipu": -3, "penipuan": -3, "payah": -3, "lama": -1, "mengecewakan": -3,
    ]

    public static let negations: Set<String> = ["not", "no", "never", "dont", "don't", "didn't", "didnt", "isn't", "isnt", "wasn't",
                                                 "tidak", "bukan", "belum", "jangan", "tak", "nggak", "gak", "ga"]

    public static let intensifiers: [String: Double] = [
        "very": 1.5, "really": 1.5, "so": 1.3, "extremely": 2, "totally": 1.5, "absolutely": 1.5, "sangat": 1.5, "banget": 1.5,
        "sekali": 1.5, "amat": 1.5,
    ]
}
