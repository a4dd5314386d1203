/// How deals went through an open stage in the dashboard's window: how many entered it, how
/// many of those went on to a later stage or were won (its conversion), and how long the stays
/// that began and ended in the window lasted (its velocity).
public struct SalesStageFlow: Sendable, Equatable {
    public var stage: PipelineStage
    /// Deals that entered the stage in the window, each once.
    public var entered: Int
    /// Of those, the deals that later reached a stage after it, or a won one.
    public var movedOn: Int
    /// Stays in the stage that began and ended in the window (the deal moved in and out), and
    /// their mean in days.
    public var finishedStays: Int
    public var meanDays: Double?

    public init(stage: PipelineStage, entered: Int, movedOn: Int, finishedStays: Int, meanDays: Double?) {
        self.stage = stage
        self.entered = entered
        self.movedOn = movedOn
        self.finishedStays = finishedStays
        self.meanDays = meanDays
    }

    /// `movedOn ÷ entered`, nil while none entered.
    public var conversion: Double? {
        entered == 0 ? nil : Double(movedOn) / Double(entered)
    }
}
