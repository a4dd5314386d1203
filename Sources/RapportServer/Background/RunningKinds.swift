import RapportCore

/// How many jobs of each kind this worker runs now.
actor RunningKinds {
    private var counts: [JobKind: Int] = [:]

    func started(_ kind: JobKind) { counts[kind, default: 0] += 1 }

    func finished(_ kind: JobKind) {
        counts[kind, default: 1] -= 1
        if counts[kind] == 0 { counts[kind] = nil }
    }

    /// The kinds that use `share` slots or more.
    func full(share: Int) -> Set<JobKind> {
        Set(counts.filter { $0.value >= share }.keys)
    }
}
