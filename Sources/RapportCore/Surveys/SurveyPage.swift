/// What a survey's public page shows: the survey, the store that asks, whether its link has
/// closed (30 days after it was sent), and whether the customer just asked for no more.
public struct SurveyPage: Sendable, Equatable {
    public var survey: Survey
    public var store: String
    public var expired: Bool
    /// The customer just asked for no more surveys.
    public var refused = false

    public init(survey: Survey, store: String, expired: Bool = false) {
        self.survey = survey
        self.store = store
        self.expired = expired
    }
}
