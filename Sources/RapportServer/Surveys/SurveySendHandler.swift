import RapportCore

/// Runs `survey.send` jobs: the CSAT of a resolved conversation, the NPS of a delivered order.
struct SurveySendHandler: JobHandler {
    let surveys: SurveyService
    let kind = SurveySendPayload.jobKind

    func run(_ job: Job) async throws {
        try await surveys.sendDue(job)
    }
}
