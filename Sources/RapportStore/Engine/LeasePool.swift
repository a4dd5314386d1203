/// A fixed set of resources lent out one caller at a time; callers wait in order when all are out.
actor LeasePool<Resource: Sendable> {
    private var idle: [Resource]
    private var waiters: [CheckedContinuation<Resource, Never>] = []

    init(_ resources: [Resource]) {
        self.idle = resources
    }

    func acquire() async -> Resource {
        if let resource = idle.popLast() { return resource }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ resource: Resource) {
        if waiters.isEmpty {
            idle.append(resource)
        } else {
            waiters.removeFirst().resume(returning: resource)
        }
    }

    /// Takes every resource back, waiting for those lent out; used on shutdown.
    func drain(count: Int) async -> [Resource] {
        var all: [Resource] = []
        for _ in 0..<count { all.append(await acquire()) }
        return all
    }

    func withLease<T: Sendable>(_ body: @Sendable (Resource) async throws -> T) async throws -> T {
        let resource = await acquire()
        do {
            let result = try await body(resource)
            release(resource)
            return result
        } catch {
            release(resource)
            throw error
        }
    }
}
