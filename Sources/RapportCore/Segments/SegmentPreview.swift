/// How many customers an unsaved definition holds now, and some of them.
public struct SegmentPreview: Sendable {
    public var count: Int
    public var sample: [Customer]

    public init(count: Int, sample: [Customer]) {
        self.count = count
        self.sample = sample
    }
}
