/// Customers' purchase days turned into what the lifetime models read: per customer the
/// repeat frequency, recency and age at the end of calibration in periods of `periodLength`
/// days, and the repeat purchases' average value. Days after the end of calibration are left
/// out, and so are customers whose first purchase comes after it.
public struct LifetimeDataset: Sendable {
    public private(set) var customers: [String] = []
    public private(set) var purchases: [PurchaseHistory] = []
    /// Per customer; frequency 0 (and average 0) for customers who have not bought again.
    public private(set) var spend: [SpendHistory] = []

    /// `days` in any order; several entries for one customer and day are summed.
    public init(days: [PurchaseDay], calibrationEnd: Int, periodLength: Double) {
        let inOrder = zip(days, days.dropFirst()).allSatisfy { ($0.customer, $0.day) <= ($1.customer, $1.day) }
        let sorted = inOrder ? days : days.sorted { ($0.customer, $0.day) < ($1.customer, $1.day) }
        var start = 0
        while start < sorted.count {
            var end = start
            while end < sorted.count && sorted[end].customer == sorted[start].customer { end += 1 }
            add(sorted[start..<end], calibrationEnd: calibrationEnd, periodLength: periodLength)
            start = end
        }
    }

    /// One customer's days, sorted.
    private mutating func add(_ days: ArraySlice<PurchaseDay>, calibrationEnd: Int, periodLength: Double) {
        guard let first = days.first, first.day <= calibrationEnd else { return }
        var last = first.day
        var repeats = 0
        var repeatValue = 0.0
        for entry in days.dropFirst() where entry.day <= calibrationEnd {
            if entry.day != last { repeats += 1 }
            if entry.day != first.day { repeatValue += entry.value }
            last = entry.day
        }
        customers.append(first.customer)
        purchases.append(PurchaseHistory(
            frequency: repeats, recency: Double(last - first.day) / periodLength, age: Double(calibrationEnd - first.day) / periodLength))
        spend.append(SpendHistory(frequency: repeats, averageValue: repeats > 0 ? repeatValue / Double(repeats) : 0))
    }
}
