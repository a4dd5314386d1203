/// Why a survey did not go. Triggered surveys are dropped quietly with it; one sent through
/// the API answers 409 with it.
public enum SurveySkip: String, Sendable, Error, Equatable {
    case surveysOff = "surveys_off"
    case surveyedRecently = "surveyed_recently"
    case alreadySent = "already_sent"
    case notResolved = "not_resolved"
    case noChannel = "no_channel"
    case noConsent = "no_consent"
    case paused
    case suppressed
    case outsideWhatsAppWindow = "outside_whatsapp_window"
    case customerGone = "customer_gone"
    case stale
    case followUp = "follow_up"

    public var explanation: String {
        switch self {
        case .surveysOff: "surveys of this kind are switched off"
        case .surveyedRecently: "the customer was sent a survey within the quiet period"
        case .alreadySent: "this survey was sent already"
        case .notResolved: "the conversation is no longer resolved"
        case .noChannel: "no inbox reaches the customer (an e-mail or SMS inbox, and their address on it)"
        case .noConsent: "the customer has not agreed to surveys on that channel"
        case .paused: "the customer paused messages in the preference centre"
        case .suppressed: "the customer's address is suppressed on that channel"
        case .outsideWhatsAppWindow: "WhatsApp, Messenger and Instagram carry free text only within 24 hours of the customer's last message"
        case .customerGone: "the customer was deleted or erased"
        case .stale: "it is too late: the customer last wrote over a week ago, or the order's survey was due days ago"
        case .followUp: "the conversation followed up a survey answer"
        }
    }
}
