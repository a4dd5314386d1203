/// Runs the jobs of one kind. Throwing fails the attempt (see `JobFailure`).
public protocol JobHandler: Sendable {
    var kind: JobKind { get }
    func run(_ job: Job) async throws
}
