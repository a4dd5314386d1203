/// One path of a random split, taken by this share of customers (the shares add up to 1).
public struct JourneySplitPath: Sendable, Equatable {
    public var share: Double
    public var next: String?

    public init(share: Double, next: String?) {
        self.share = share
        self.next = next
    }
}
