/// A part of a journey's draft edited on its own in the workspace: the settings around the
/// steps (trigger, entry, goal, holdout …), or one step by its key.
public enum JourneyDraftPart: Sendable, Equatable {
    case settings
    case step(String)
}
