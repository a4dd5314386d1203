/// One customer's purchases as the buy-till-you-die models read them, in periods (weeks or
/// days): repeat purchases (`frequency`, purchases after the first, one per day at most), the
/// age at the last one (`recency`, from the first purchase) and the age at the end of
/// calibration (`age`).
public struct PurchaseHistory: Sendable, Equatable {
    public var frequency: Int
    public var recency: Double
    public var age: Double

    public init(frequency: Int, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }
}
