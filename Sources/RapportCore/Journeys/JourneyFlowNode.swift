/// A step placed on the flow: its row (its depth from the first step; steps no path reaches
/// go below the rest) and its column within the row.
public struct JourneyFlowNode: Sendable, Equatable {
    public var stepKey: String
    /// What it is, in a word or two (`Wait 2 h`, `E-mail`, `Branch`).
    public var title: String
    public var row: Int
    public var column: Int

    public init(stepKey: String, title: String, row: Int, column: Int) {
        self.stepKey = stepKey
        self.title = title
        self.row = row
        self.column = column
    }
}
