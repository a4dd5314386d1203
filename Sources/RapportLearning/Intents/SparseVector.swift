/// A sparse vector: feature indices in ascending order with their values.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int]
    public var values: [Double]

    public init(indices: [Int], values: [Double]) {
        self.indices = indices
        self.values = values
    }

    public init(_ entries: [Int: Double]) {
        let sorted = entries.sorted { $0.key < $1.key }
        indices = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    public var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}
