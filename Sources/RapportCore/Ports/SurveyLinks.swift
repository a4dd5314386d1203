/// Where a customer answers a survey in the browser: its public page, with the survey's
/// signature (`LinkSigner`) so the link alone lets them answer that survey and no other.
public protocol SurveyLinks: Sendable {
    func answerURL(surveyID: String, signature: String) -> String
}
