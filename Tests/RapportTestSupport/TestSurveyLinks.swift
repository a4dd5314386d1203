import RapportCore

/// Survey links for services tested without the server: an address that names the survey and
/// carries its signature, so a test can answer through the service as the page would.
public struct TestSurveyLinks: SurveyLinks {
    public init() {}

    public func answerURL(surveyID: String, signature: String) -> String {
        "https://rapport.test/survey/\(surveyID)/\(signature)"
    }
}
