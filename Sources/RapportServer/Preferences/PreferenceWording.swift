import RapportCore

/// The words of the preference centre and the unsubscribe page, in English and Indonesian.
/// A customer's profile locale picks one (`id…` is Indonesian); `?lang=` overrides it.
struct PreferenceWording: Sendable {
    let lang: String
    let otherLang: String
    let otherLangName: String
    let title: String
    let greeting: String
    let greetingNamed: String
    let intro: String
    let purposeHeading: String
    let purposes: [String: (name: String, description: String)]
    let channels: [ConsentChannel: String]
    let frequencyHeading: String
    let frequencies: [ContactFrequency: String]
    let pauseHeading: String
    let pauseNone: String
    let pauseDays: String
    let keepPause: String
    let save: String
    let saved: String
    let serviceNote: String
    let unsubscribeTitle: String
    let unsubscribeQuestion: String
    let unsubscribeButton: String
    let unsubscribed: String
    let unsubscribeWording: String
    let preferencesLink: String

    static let english = PreferenceWording(
        lang: "en", otherLang: "id", otherLangName: "Bahasa Indonesia", title: "Your preferences", greeting: "Hello,",
        greetingNamed: "Hello %@,", intro: "Choose how the store may contact you, and what for. Tick what you agree to.",
        purposeHeading: "What for",
        purposes: [
            "marketing": ("Offers and news", "New products, sales and the store's newsletter."),
            "personalisation": ("Personal suggestions", "Recommendations based on what you bought and looked at."),
            "surveys": ("Surveys", "Short questions about your orders and the service."),
            "analytics": ("Analytics", "Measuring how you use the shop to improve it."),
        ],
        channels: [.email: "E-mail", .sms: "SMS", .whatsapp: "WhatsApp", .messenger: "Messenger", .instagram: "Instagram",
                   .voice: "Phone calls", .push: "Push notifications", .mail: "Post", .web: "Our website and app"],
        frequencyHeading: "How often", frequencies: [.any: "Whenever there is news", .weekly: "At most once a week", .monthly: "At most once a month"],
        pauseHeading: "Take a break", pauseNone: "No break", pauseDays: "Pause for %@ days", keepPause: "Keep my break until %@", save: "Save my choices",
        saved: "Your choices are saved.",
        serviceNote: "Messages about your orders and answers to your own questions still reach you.",
        unsubscribeTitle: "Unsubscribe", unsubscribeQuestion: "Stop receiving offers and news by e-mail?",
        unsubscribeButton: "Unsubscribe", unsubscribed: "You are unsubscribed: you will receive no more offers and news by e-mail.",
        unsubscribeWording: "Unsubscribe from offers and news by e-mail", preferencesLink: "Choose what else you receive")

    static let indonesian = PreferenceWording(
        lang: "id", otherLang: "en", otherLangName: "English", title: "Preferensi Anda", greeting: "Halo,",
        greetingNamed: "Halo %@,", intro: "Pilih bagaimana toko boleh menghubungi Anda, dan untuk apa. Centang yang Anda setujui.",
        purposeHeading: "Untuk apa",
        purposes: [
            "marketing": ("Penawaran dan berita", "Produk baru, diskon, dan buletin toko."),
            "personalisation": ("Saran pribadi", "Rekomendasi berdasarkan apa yang Anda beli dan lihat."),
            "surveys": ("Survei", "Pertanyaan singkat tentang pesanan dan layanan kami."),
            "analytics": ("Analitik", "Mengukur cara Anda memakai toko untuk memperbaikinya."),
        ],
        channels: [.email: "E-mail", .sms: "SMS", .whatsapp: "WhatsApp", .messenger: "Messenger", .instagram: "Instagram",
                   .voice: "Telepon", .push: "Notifikasi push", .mail: "Pos", .web: "Situs web dan aplikasi kami"],
        frequencyHeading: "Seberapa sering",
        frequencies: [.any: "Setiap ada kabar", .weekly: "Paling banyak seminggu sekali", .monthly: "Paling banyak sebulan sekali"],
        pauseHeading: "Istirahat sejenak", pauseNone: "Tanpa jeda", pauseDays: "Jeda selama %@ hari", keepPause: "Tetap jeda sampai %@", save: "Simpan pilihan saya",
        saved: "Pilihan Anda telah disimpan.",
        serviceNote: "Pesan tentang pesanan Anda dan jawaban atas pertanyaan Anda tetap akan sampai.",
        unsubscribeTitle: "Berhenti berlangganan", unsubscribeQuestion: "Berhenti menerima penawaran dan berita lewat e-mail?",
        unsubscribeButton: "Berhenti berlangganan",
        unsubscribed: "Anda telah berhenti berlangganan: Anda tidak akan lagi menerima penawaran dan berita lewat e-mail.",
        unsubscribeWording: "Berhenti berlangganan penawaran dan berita lewat e-mail", preferencesLink: "Pilih apa lagi yang Anda terima")

    /// `?lang=` if it names one, else the customer's locale, else English.
    static func choose(asked: String?, locale: String?) -> PreferenceWording {
        let wanted = (asked ?? locale ?? "en").lowercased()
        return wanted.hasPrefix("id") ? indonesian : english
    }

    func purposeName(_ purpose: ConsentPurpose) -> String {
        purposes[purpose.rawValue]?.name ?? purpose.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }

    func channelName(_ channel: ConsentChannel) -> String {
        channels[channel] ?? channel.rawValue
    }

    /// The words a pair's box stood for, kept as the consent's wording: "Offers and news by E-mail".
    func wording(_ purpose: ConsentPurpose, _ channel: ConsentChannel) -> String {
        "\(purposeName(purpose)) (\(purposes[purpose.rawValue]?.description ?? "")) — \(channelName(channel)) [\(lang)]"
    }
}
