/// One repeat customer's spend as the Gamma-Gamma model reads it: how many repeat purchases
/// and their average value (the first purchase left out, as in the model's papers).
public struct SpendHistory: Sendable, Equatable {
    public var frequency: Int
    public var averageValue: Double

    public init(frequency: Int, averageValue: Double) {
        self.frequency = frequency
        self.averageValue = averageValue
    }
}
