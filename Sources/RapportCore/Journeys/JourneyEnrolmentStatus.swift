/// Where an enrolment stands. `active`: due to walk on now; `waiting`: at a wait, an event
/// or a held message until its time; `held_out`: in the holdout, walked by nobody, watched
/// for the goal until its window ends; `completed`: reached the end, an exit or the goal;
/// `exited`: taken out (left the trigger's segment, the journey archived, the customer gone).
public enum JourneyEnrolmentStatus: String, Sendable, Equatable, CaseIterable {
    case active, waiting
    case heldOut = "held_out"
    case completed, exited

    /// Still in the journey (at most one such enrolment per customer and journey).
    public var inFlight: Bool { self == .active || self == .waiting || self == .heldOut }
}
