/// How many jobs are in each status.
public struct JobCounts: Sendable, Equatable {
    public var byStatus: [JobStatus: Int]

    public init(byStatus: [JobStatus: Int]) {
        self.byStatus = byStatus
    }

    public subscript(status: JobStatus) -> Int { byStatus[status] ?? 0 }
}
