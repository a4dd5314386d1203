/// Latencies of repeated operations, summarised as percentiles in milliseconds.
struct LatencySamples {
    private(set) var milliseconds: [Double] = []

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        milliseconds.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// Adds another run's samples.
    mutating func merge(_ other: LatencySamples) {
        milliseconds += other.milliseconds
    }

    func percentile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    var summary: String {
        "p50 \(format(percentile(0.5))) ms, p99 \(format(percentile(0.99))) ms, max \(format(percentile(1))) ms (\(milliseconds.count) samples)"
    }

    private func format(_ value: Double) -> String {
        String(Int((value * 1000).rounded())).paddedMilliseconds
    }
}

extension String {
    /// "1234" microseconds as "1.234".
    fileprivate var paddedMilliseconds: String {
        let digits = count < 4 ? String(repeating: "0", count: 4 - count) + self : self
        return digits.dropLast(3) + "." + digits.suffix(3)
    }
}
