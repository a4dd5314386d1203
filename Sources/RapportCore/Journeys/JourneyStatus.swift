/// How far a journey has gone: a `draft` lets nobody in; `live` lets customers in and walks
/// them on; `paused` lets nobody in and walks nobody on (those in it wait where they are, and
/// events and goals are still noted for them); `archived` has ended everyone's walk for good.
public enum JourneyStatus: String, Sendable, Equatable, CaseIterable {
    case draft, live, paused, archived
}
