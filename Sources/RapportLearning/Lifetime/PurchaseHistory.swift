/// One customer's purchases as the buy-till-you-die models read them, in periods (weeks or
/// days): repeat purchases (`frequency`, purchases after the first, one per day at most), the
/// age at the last one (`recency`, from the first purchase) and the age at the end of
/// calibration (`age`).
public struct PurchaseHistory: Sendable, Hashable {
    public var frequency: Int
    public var recency: Double
    public var age: Double

    public init(frequency: Int, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }

    /// Identical histories counted once, in a stable order (first appearance).
    public static func grouped(_ histories: [PurchaseHistory]) -> [(history: PurchaseHistory, count: Double)] {
        var positions: [PurchaseHistory: Int] = [:]
        var groups: [(history: PurchaseHistory, count: Double)] = []
        positions.reserveCapacity(histories.count / 4)
        for history in histories {
            if let position = positions[history] {
                groups[position].count += 1
            } else {
                positions[history] = groups.count
                groups.append((history, 1))
            }
        }
        return groups
    }
}
