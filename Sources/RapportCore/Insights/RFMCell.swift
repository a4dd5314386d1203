/// One cell of the RFM grid: how many customers have this recency and frequency score.
public struct RFMCell: Sendable, Equatable {
    public var recencyScore: Int
    public var frequencyScore: Int
    public var customers: Int

    public init(recencyScore: Int, frequencyScore: Int, customers: Int) {
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.customers = customers
    }
}
