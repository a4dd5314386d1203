/// The preference centre: a row per purpose with a box per channel, the frequency and the
/// pause, in the customer's language.
struct PreferenceCentrePageView: TemplateView {
    struct Purpose: TemplateView {
        let name: String
        let description: String?
        let boxes: [Box]
    }

    struct Box: TemplateView {
        /// `purpose:channel`, the form's value.
        let value: String
        let id: String
        let channel: String
        let checked: Bool
    }

    let lang: String
    let action: String
    let otherLanguageHref: String
    let otherLanguageName: String
    let heading: String
    let greeting: String
    let intro: String
    let purposeHeading: String
    let channels: [String]
    let purposes: [Purpose]
    let frequencyHeading: String
    let frequencies: [ChoiceView]
    let pauseHeading: String
    let pauses: [ChoiceView]
    let pausedUntil: String?
    let save: String
    let saved: String?
    let serviceNote: String
    /// The customer's loyalty points, when the store has a programme.
    var points: CustomerPointsView?
}
