/// The page an unsubscribe link opens: one question and one button (a link opened by a mail
/// scanner changes nothing; only the POST does), then what happened.
struct UnsubscribePageView: TemplateView {
    let lang: String
    let action: String
    let heading: String
    let greeting: String
    let question: String
    let button: String
    let done: String?
}
