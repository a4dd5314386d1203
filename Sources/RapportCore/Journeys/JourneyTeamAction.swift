/// A note or an assignment a walk ran, to be carried out on the customer's conversations in
/// the runner's write.
struct JourneyTeamAction: Sendable {
    enum Kind: Sendable {
        case note(JourneyNote)
        case assign(teamID: String)
    }

    var enrolmentID: String
    var customerID: String
    var workspaceID: String
    var journeyID: String
    var kind: Kind
    /// The index of the step's run in the batch plan, so an action with nothing to act on can say why.
    var runIndex: Int
}
