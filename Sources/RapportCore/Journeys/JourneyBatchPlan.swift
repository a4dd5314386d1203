/// What the runner decided for one batch, before it writes: each enrolment's move, the steps
/// run, and the effects to apply.
struct JourneyBatchPlan: Sendable {
    var moves: [JourneyEnrolmentMove] = []
    var runs: [JourneyStepRecord] = []
    var profileUpdates: [JourneyProfileChange] = []
    /// Messages for the step campaigns' send logs, each with its enrolment.
    var sends: [(enrolmentID: String, send: CampaignSend)] = []
    /// Tasks for the team, each with its enrolment.
    var tasks: [(enrolmentID: String, task: WorkTask)] = []
    /// Notes and assignments for the customers' conversations.
    var teamActions: [JourneyTeamAction] = []
    /// Survey steps reached: each a `survey.send` job, once per enrolment, step and visit.
    var surveys: [(enrolmentID: String, job: JobRequest)] = []
    /// Webhook steps reached.
    var webhookCalls: [(runIndex: Int, change: JourneyWebhookChange)] = []
    /// Each walked customer's workspace.
    var workspaceIDs: [String: String] = [:]
}
