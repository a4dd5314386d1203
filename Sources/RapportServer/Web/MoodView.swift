/// How a customer's message sounds, when it leans one way: `sounds upset` (`negative`).
struct MoodView: TemplateView {
    let words: String
    let state: String
    let score: String
}
