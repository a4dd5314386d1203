/// What the journey is for (an order, a review): reaching it ends the journey at whatever
/// step, and counts as a conversion if within `withinDays` of entering. Held-out entrants are
/// watched for it too, for the lift.
public struct JourneyGoal: Sendable, Equatable {
    public static let defaultWindowDays = 7
    public static let maximumWindowDays = 365

    public var event: JourneyEvent
    public var withinDays: Int

    public init(event: JourneyEvent, withinDays: Int = JourneyGoal.defaultWindowDays) {
        self.event = event
        self.withinDays = withinDays
    }
}
