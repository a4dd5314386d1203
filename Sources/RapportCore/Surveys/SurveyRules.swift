import Foundation

/// The rules of sending and answering surveys, apart from storage.
enum SurveyRules {
    /// How long a sent survey takes a text reply as its answer: later, a number is more likely
    /// about something else.
    static let textAnswerWindow: TimeInterval = 2 * 86_400
    /// How long a survey's link takes an answer.
    static let linkLifetime: TimeInterval = 30 * 86_400
    /// The channels, in order, a survey that opens its own conversation tries: those that can
    /// start one with free text (WhatsApp, Messenger and Instagram need the customer to have
    /// written in the last 24 hours, or a template).
    static let channelPreference: [InboxChannel] = [.email, .sms]
    /// Channels that carry free text only within 24 hours of the customer's last message.
    static let windowedChannels: Set<InboxChannel> = [.whatsapp, .messenger, .instagram]
    /// A CSAT goes only for a conversation in which the customer wrote this recently: resolving
    /// an old backlog does not survey everyone in it.
    static let staleConversation: TimeInterval = 7 * 86_400
    /// An NPS whose due day passed longer ago than this (a delivery reported late) does not go.
    static let lateDelivery: TimeInterval = 2 * 86_400
    /// How long after a web-chat answer the visitor's next message is taken as its comment:
    /// later, they are more likely back about something else.
    static let commentWindow: TimeInterval = 30 * 60
    /// The bot's question for the reason after a bare score (web chat), in the survey's language.
    static func commentPrompt(in language: BotLanguage) -> String {
        language.say(
            "Thank you! What is the main reason for your score? Write it here if you like.",
            "Terima kasih! Apa alasan utama Anda memberi nilai tersebut? Silakan tulis di sini jika berkenan.")
    }

    /// The bot's thanks for an answer given by text, in the survey's language.
    static func thanks(in language: BotLanguage) -> String {
        language.say("Thank you for your answer.", "Terima kasih atas jawaban Anda.")
    }
    /// The label of a conversation a survey opened for itself (an NPS after delivery).
    static let conversationLabel = "survey"
    /// The length of a link's signature: 16 URL-safe characters, 96 bits (a text message
    /// pays for every character).
    static let signatureLength = 16

    /// Whether a channel can carry a question and bring an answer back (not a phone call or a
    /// visit logged by hand).
    static func canAsk(on channel: InboxChannel) -> Bool {
        channel != .voice && channel != .store
    }

    /// A survey after a conversation is part of the service just given: it goes unless the
    /// customer said no to surveys on that channel. Any other survey needs their yes (the
    /// consent gate asks for it).
    static func refused(_ consents: [ConsentState], channel: ConsentChannel?, now: Date) -> Bool {
        guard let channel,
            let state = consents.first(where: { $0.purpose == .surveys && $0.channel == channel })
        else { return false }
        let effect = state.effect(at: now)
        return effect == .denied || effect == .withdrawn
    }

    /// The message asking the question, in the customer's language: the answer by number for
    /// channels that reply in text, and the link for every channel but web chat (whose card has
    /// the buttons).
    static func message(kind: SurveyKind, store: String, channel: InboxChannel, link: String, language: BotLanguage) -> String {
        let words = kind.scaleWords(in: language)
        let question = kind.question(store: store, in: language)
        let range = "\(kind.scale.lowerBound) (\(words.low)) \(language.say("to", "sampai")) \(kind.scale.upperBound) (\(words.high))"
        if channel == .email {
            return language.say(
                "\(question)\n\nChoose a number from \(range) here: \(link)\n\nIt takes one click, and you can add a comment.",
                "\(question)\n\nPilih angka dari \(range) di sini: \(link)\n\nCukup satu klik, dan Anda juga bisa menambahkan komentar.")
        }
        if channel == .webchat {
            return language.say("\(question) Choose a number from \(range) below.", "\(question) Pilih angka dari \(range) di bawah ini.")
        }
        return language.say(
            "\(question) Reply with a number from \(range), or answer here: \(link)",
            "\(question) Balas dengan angka dari \(range), atau jawab lewat tautan ini: \(link)")
    }

    static func checked(_ settings: SurveySettings) throws -> SurveySettings {
        var problems = Problems(prefix: nil)
        if !(0...SurveySettings.maximumQuietDays).contains(settings.quietDays) {
            problems.add("quiet_days", "must be 0 to \(SurveySettings.maximumQuietDays)")
        }
        if let days = settings.npsAfterDeliveryDays, !(0...SurveySettings.maximumDeliveryDays).contains(days) {
            problems.add("nps_after_delivery_days", "must be 0 to \(SurveySettings.maximumDeliveryDays), or null for none")
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        return settings
    }
}
