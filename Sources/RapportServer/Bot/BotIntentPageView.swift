/// One intent's page (`/bot/intents/<name>`): its examples and, for a store's own intent, its
/// answer, as saved or as typed when saving them was refused, and why.
struct BotIntentPageView: TemplateView {
    let name: String
    let builtIn: Bool
    let version: Int
    var error: String?
    let examples: String
    let count: Int
    let answer: String
}
