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
    let confirmTitle: String
    /// `{purposes}`: what the sign-up was for.
    let confirmQuestion: String
    let confirmAddress: String
    let confirmButton: String
    let confirmed: String
    let mailSubject: String
    /// `{purposes}`, `{store}`, `{link}`, `{date}`.
    let mailBody: String

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
        unsubscribeWording: "Unsubscribe from offers and news by e-mail", preferencesLink: "Choose what else you receive",
        confirmTitle: "Confirm your subscription", confirmQuestion: "Do you want to receive {purposes} by e-mail?",
        confirmAddress: "The address: %@", confirmButton: "Yes, subscribe me", confirmed: "Thank you: your subscription is confirmed.",
        mailSubject: "Please confirm your subscription",
        mailBody: """
            Hello,

            someone, hopefully you, asked to receive {purposes} from {store} at this address.

            To confirm, open this link and press the button:
            {link}

            The link works until {date}. If it was not you, ignore this e-mail: you will not hear from us.
            """)

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
        unsubscribeWording: "Berhenti berlangganan penawaran dan berita lewat e-mail", preferencesLink: "Pilih apa lagi yang Anda terima",
        confirmTitle: "Konfirmasi langganan Anda", confirmQuestion: "Apakah Anda ingin menerima {purposes} lewat e-mail?",
        confirmAddress: "Alamatnya: %@", confirmButton: "Ya, saya mau berlangganan",
        confirmed: "Terima kasih: langganan Anda telah dikonfirmasi.", mailSubject: "Mohon konfirmasi langganan Anda",
        mailBody: """
            Halo,

            seseorang, semoga Anda, meminta untuk menerima {purposes} dari {store} di alamat ini.

            Untuk mengonfirmasi, buka tautan ini dan tekan tombolnya:
            {link}

            Tautan ini berlaku sampai {date}. Jika itu bukan Anda, abaikan e-mail ini: kami tidak akan menghubungi Anda.
            """)

    /// `?lang=` if it names one (an empty one names none), else the customer's locale, else English.
    static func choose(asked: String?, locale: String?) -> PreferenceWording {
        let wanted = ((asked?.isEmpty == false ? asked : nil) ?? locale ?? "en").lowercased()
        return wanted.hasPrefix("id") ? indonesian : english
    }

    func purposeName(_ purpose: ConsentPurpose) -> String {
        purposes[purpose.rawValue]?.name ?? purpose.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }

    func channelName(_ channel: ConsentChannel) -> String {
        channels[channel] ?? channel.rawValue
    }

    /// What a sign-up was for, in words: "offers and news, surveys".
    func purposeList(_ purposes: [ConsentPurpose]) -> String {
        purposes.map { purposeName($0).lowercased() }.joined(separator: ", ")
    }

    /// The question a sign-up's confirmation asks.
    func confirmation(_ purposes: [ConsentPurpose]) -> String {
        confirmQuestion.replacingOccurrences(of: "{purposes}", with: purposeList(purposes))
    }

    /// The words a pair's box stood for, kept as the consent's wording: "Offers and news by E-mail".
    func wording(_ purpose: ConsentPurpose, _ channel: ConsentChannel) -> String {
        "\(purposeName(purpose)) (\(purposes[purpose.rawValue]?.description ?? "")) — \(channelName(channel)) [\(lang)]"
    }
}
