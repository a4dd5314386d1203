import Foundation

/// Where the quintiles of recency (days since the last order), frequency (orders) and
/// monetary value (spend, minor units) fall among a workspace's customers: four cut points
/// each, at the 20th, 40th, 60th and 80th percentiles. A score is 1 plus the number of cut
/// points a value passes — more recent, more often and more spent score higher — so equal
/// values always share a score.
public struct RFMThresholds: Sendable, Codable, Equatable {
    public var recencyDays: [Double]
    public var frequency: [Double]
    public var monetary: [Double]

    public init(recencyDays: [Double], frequency: [Double], monetary: [Double]) {
        self.recencyDays = recencyDays
        self.frequency = frequency
        self.monetary = monetary
    }

    /// The cut points of these customers' values.
    public init(values: [(recencyDays: Double, orders: Int, monetary: Int64)]) {
        func cuts(_ numbers: [Double]) -> [Double] {
            let sorted = numbers.sorted()
            guard !sorted.isEmpty else { return [0, 0, 0, 0] }
            return (1...4).map { sorted[min(sorted.count - 1, sorted.count * $0 / 5)] }
        }
        recencyDays = cuts(values.map(\.recencyDays))
        frequency = cuts(values.map { Double($0.orders) })
        monetary = cuts(values.map { Double($0.monetary) })
    }

    public func scores(recencyDays days: Double, orders: Int, monetary spent: Int64) -> (r: Int, f: Int, m: Int) {
        (
            5 - recencyDays.filter { days > $0 }.count,
            1 + frequency.filter { Double(orders) > $0 }.count,
            1 + monetary.filter { Double(spent) > $0 }.count
        )
    }
}
