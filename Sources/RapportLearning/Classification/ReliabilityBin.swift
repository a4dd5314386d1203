/// One tenth of the examples by predicted probability: how many, what the model said on
/// average, and how often yes it really was.
public struct ReliabilityBin: Sendable, Equatable {
    public var count: Int
    public var predicted: Double
    public var observed: Double

    public init(count: Int, predicted: Double, observed: Double) {
        self.count = count
        self.predicted = predicted
        self.observed = observed
    }

    /// The examples sorted by probability and cut into `bins` groups as equal as they can be
    /// (the first ones one larger when the count does not divide; tied probabilities may fall
    /// on both sides of a cut); empty groups left out, and no table for a probability that is
    /// not a finite number.
    public static func table(probabilities: [Double], outcomes: [Bool], bins: Int = 10) -> [ReliabilityBin] {
        guard probabilities.count == outcomes.count, bins > 0, !probabilities.isEmpty, probabilities.allSatisfy(\.isFinite) else { return [] }
        let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
        let (size, extra) = order.count.quotientAndRemainder(dividingBy: bins)
        var table: [ReliabilityBin] = []
        var start = 0
        for bin in 0..<bins {
            let length = size + (bin < extra ? 1 : 0)
            guard length > 0 else { continue }
            let members = order[start..<start + length]
            let predicted = members.reduce(0.0) { $0 + probabilities[$1] } / Double(length)
            let observed = Double(members.filter { outcomes[$0] }.count) / Double(length)
            table.append(ReliabilityBin(count: length, predicted: predicted, observed: observed))
            start += length
        }
        return table
    }
}
