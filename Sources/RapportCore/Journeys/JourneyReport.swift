/// A journey's report: customers at and past each step, and its totals.
public struct JourneyReport: Sendable, Equatable {
    public var steps: [JourneyStepCount]
    public var stats: JourneyStats

    public init(steps: [JourneyStepCount], stats: JourneyStats) {
        self.steps = steps
        self.stats = stats
    }
}
