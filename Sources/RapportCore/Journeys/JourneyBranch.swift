/// One way out of a branch step: taken when its condition holds for the customer then.
public struct JourneyBranch: Sendable, Equatable {
    public var condition: SegmentDefinition
    public var next: String?

    public init(condition: SegmentDefinition, next: String?) {
        self.condition = condition
        self.next = next
    }
}
