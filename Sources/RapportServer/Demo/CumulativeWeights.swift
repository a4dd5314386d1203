import RapportLearning
/// Picks indices with probability proportional to their weights (binary search over the sums).
struct CumulativeWeights {
    private let sums: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        sums = weights.map { total += $0; return total }
    }

    func pick(_ random: inout SeededGenerator) -> Int {
        let target = Double.random(in: 0..<(sums.last ?? 1), using: &random)
        var low = 0
        var high = sums.count - 1
        while low < high {
            let middle = (low + high) / 2
            if sums[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
