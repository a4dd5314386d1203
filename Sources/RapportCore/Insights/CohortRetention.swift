import Foundation

/// Customers grouped by the month of their first order; for each later month, the share of
/// the cohort that ordered in it (month 1 is the month after the first order).
public struct CohortRetention: Sendable, Equatable {
    public var cohorts: [RetentionCohort]

    /// From the customers whose first order is on or after `start` (the first day of a month)
    /// and before `end`, counting the months that have begun by `end`.
    public init(members: [CohortMember], start: Date, end: Date) {
        let first = UTCMonth(start).index, last = UTCMonth(end.addingTimeInterval(-1)).index
        var sizes: [Int: Int] = [:]
        var active: [Int: [Int]] = [:]
        for member in members where member.firstOrderAt >= start && member.firstOrderAt < end {
            let cohort = UTCMonth(member.firstOrderAt).index
            sizes[cohort, default: 0] += 1
            var counts = active[cohort] ?? [Int](repeating: 0, count: max(0, last - cohort))
            for offset in counts.indices where member.activeMonths.contains(offset + 1) { counts[offset] += 1 }
            active[cohort] = counts
        }
        cohorts = (first...max(first, last)).compactMap { index in
            guard let size = sizes[index], size > 0 else { return nil }
            let retention = (active[index] ?? []).map { Double($0) / Double(size) }
            return RetentionCohort(month: UTCMonth(index: index).start, customers: size, retention: retention)
        }
    }
}
