/// Where a survey stands: sent and waiting for an answer, or answered.
public enum SurveyStatus: String, Sendable, Codable, CaseIterable {
    case sent
    case answered
}
