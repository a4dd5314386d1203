import Synchronization

/// A flag one task raises and others read, for a bench's tasks that run until another is done.
final class BenchFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    var isRaised: Bool { raised.load(ordering: .acquiring) }

    func raise() {
        raised.store(true, ordering: .releasing)
    }
}
