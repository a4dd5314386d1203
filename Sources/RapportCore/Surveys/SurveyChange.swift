/// A survey went out (`survey.sent`) or came back answered (`survey.answered`): in the log,
/// to outgoing webhooks, and to journeys (a detractor's answer can start one).
public struct SurveyChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case sent
        case answered
    }

    public var kind: Kind
    public var survey: Survey

    public init(_ kind: Kind, _ survey: Survey) {
        self.kind = kind
        self.survey = survey
    }

    public var eventType: DomainEventType { kind == .sent ? .surveySent : .surveyAnswered }
    public var workspaceID: String { survey.workspaceID }
    public var subjectID: String { survey.id }
    public var payload: any EventPayload { SurveyEventPayload(survey) }
}
