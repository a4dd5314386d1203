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
    /// The page's words in the survey's language, and that language for the page's `lang`.
    let words: SurveyPageWording
    let language: String

    init(_ page: SurveyPage, action: String) {
        let survey = page.survey
        store = page.store
        question = survey.question
        words = SurveyPageWording.of(survey.language).filled(store: page.store, score: survey.score, comment: survey.comment)
        language = survey.language.rawValue
        let ends = survey.kind.scaleWords(in: survey.language)
        low = "\(survey.kind.scale.lowerBound): \(ends.low)"
        high = "\(survey.kind.scale.upperBound): \(ends.high)"
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
