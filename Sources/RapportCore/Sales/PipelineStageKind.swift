/// What a stage means for the deals in it: still being worked, won or lost. A deal's status is
/// its stage's kind, so moving a card into the Won column wins it.
public enum PipelineStageKind: String, Sendable, CaseIterable {
    case open
    case won
    case lost
}
