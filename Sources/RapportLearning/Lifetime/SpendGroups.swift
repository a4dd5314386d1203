import Foundation

/// Repeat customers' spend grouped by how many repeat purchases they made, for the
/// Gamma-Gamma likelihood: its gamma-function terms depend on the frequency alone, so they are
/// computed once per group, and each customer costs one logarithm and one division.
public struct SpendGroups: Sendable {
    struct Group: Sendable {
        var frequency: Double
        var averageValues: [Double] = []
        var sumOfLogValues = 0.0
    }

    private(set) var groups: [Group] = []

    /// Customers without repeat purchases or with a non-positive average carry no information
    /// and are left out, as the likelihood leaves them out.
    public init(_ histories: [SpendHistory]) {
        var byFrequency: [Int: Group] = [:]
        for history in histories where history.frequency > 0 && history.averageValue > 0 {
            byFrequency[history.frequency, default: Group(frequency: Double(history.frequency))].averageValues.append(history.averageValue)
        }
        groups = byFrequency.keys.sorted().compactMap { frequency in
            guard var group = byFrequency[frequency] else { return nil }
            group.sumOfLogValues = group.averageValues.reduce(0) { $0 + log($1) }
            return group
        }
    }
}
