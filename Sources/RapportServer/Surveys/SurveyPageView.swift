import RapportCore

/// A survey's public page: the question with its scale, or the thanks once answered (with a
/// place for a comment when none was given), and a way to ask for no more surveys.
struct SurveyPageView: TemplateView {
    struct Choice: Encodable {
        let value: Int
    }

    let store: String
    let question: String
    let low: String
    let high: String
    let choices: [Choice]
    let action: String
    let answered: Bool
    let expired: Bool
    let refused: Bool
    let score: Int?
    /// Nil when none (Mustache takes an empty text as present).
    let comment: String?
    let canComment: Bool

    init(_ page: SurveyPage, action: String) {
        let survey = page.survey
        store = page.store
        question = survey.question
        let words = survey.kind.scaleWords
        low = "\(survey.kind.scale.lowerBound): \(words.low)"
        high = "\(survey.kind.scale.upperBound): \(words.high)"
        choices = survey.kind.scale.map(Choice.init)
        self.action = action
        answered = survey.status == .answered
        expired = page.expired && !answered
        refused = page.refused
        score = survey.score
        comment = survey.comment
        canComment = answered && survey.comment == nil
    }
}
