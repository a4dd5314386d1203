/// What the runner decided for one batch, before it writes: each enrolment's move, the steps
/// run, and the effects to apply.
struct JourneyBatchPlan: Sendable {
    var moves: [JourneyEnrolmentMove] = []
    var runs: [JourneyStepRecord] = []
    var profileUpdates: [JourneyProfileChange] = []
    /// Each walked customer's workspace.
    var workspaceIDs: [String: String] = [:]
}
