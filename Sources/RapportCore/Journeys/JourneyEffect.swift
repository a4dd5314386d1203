/// What a step does to the world, to be written with the walk's new position in one
/// transaction: each step's effects once per visit.
public enum JourneyEffect: Sendable, Equatable {
    case send(JourneySend)
    case updateProfile(JourneyProfileUpdate)
    case task(JourneyTask)
    case note(JourneyNote)
    case assign(teamID: String)
    case webhook(webhookID: String)
    case survey(SurveyKind)
}
