/// A way from one step to the next on the flow, with what takes it (`timeout`, `50%`,
/// `branch 1`, `otherwise`), if more than one way leaves the step.
public struct JourneyFlowEdge: Sendable, Equatable {
    public var from: String
    public var to: String
    public var label: String?

    public init(from: String, to: String, label: String?) {
        self.from = from
        self.to = to
        self.label = label
    }
}
