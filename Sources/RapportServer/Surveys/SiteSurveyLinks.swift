import RapportCore

/// Survey answer links at Rapport's public address, from the route table.
struct SiteSurveyLinks: SurveyLinks {
    let base: String

    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func answerURL(surveyID: String, signature: String) -> String {
        base + SiteURL.survey(surveyID: surveyID, signature: signature).path
    }
}
