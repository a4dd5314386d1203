import RapportCore

/// Runs `sla.check` jobs at the moment a target falls due.
struct SLACheckHandler: JobHandler {
    let conversations: ConversationService
    let kind = SLACheckPayload.jobKind

    func run(_ job: Job) async throws {
        try await conversations.checkSLA(job)
    }
}
