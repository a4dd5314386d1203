import Foundation
import RapportCore
import Testing

@testable import RapportServer

@Suite("3D files: the served files' memory and read cap")
struct ProductModelFileCacheTests {
    @Test("a file read once is served from memory; the least recently served leaves first when the budget is full")
    func keepsRecentFiles() async throws {
        let cache = ProductModelFileCache()
        let reads = ReadLog()
        let size = ProductModelFileCache.budget / 4
        for digest in ["a", "b", "a", "c", "d", "e"] {
            let bytes = try await cache.file(sha256: digest) {
                await reads.add(digest)
                return Data(repeating: 1, count: size)
            }
            #expect(bytes.readableBytes == size)
        }
        // Four fit: e's arrival pushed out b, the least recently served ("a" was served again).
        #expect(await reads.names == ["a", "b", "c", "d", "e"])
        _ = try await cache.file(sha256: "a") { await reads.add("a"); return Data() }
        _ = try await cache.file(sha256: "b") { await reads.add("b"); return Data(repeating: 2, count: size) }
        #expect(await reads.names == ["a", "b", "c", "d", "e", "b"])
    }

    @Test("fetches of a file being read share its one read; past the cap of reads, a fetch waits, then is told to come back")
    func sharesAndCapsReads() async throws {
        let cache = ProductModelFileCache(slotWait: .milliseconds(100))
        let reads = ReadLog()
        let started = ReadLog()
        let release = Gate()
        let read: @Sendable (String) -> @Sendable () async throws -> Data = { name in
            {
                await reads.add(name)
                await started.add(name)
                await release.wait()
                return Data([1])
            }
        }
        var fetches = (0..<ProductModelFileCache.concurrentReads).map { index in
            Task { try await cache.file(sha256: "slow-\(index)", read: read("slow-\(index)")) }
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while await started.names.count < ProductModelFileCache.concurrentReads, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(await started.names.count == ProductModelFileCache.concurrentReads)
        // The same file again joins its read instead of taking a slot.
        fetches.append(Task { try await cache.file(sha256: "slow-0", read: read("slow-0 again")) })
        await #expect(throws: ProductModelFileCache.refusal) {
            try await cache.file(sha256: "one-more") { Data([2]) }
        }
        await release.open()
        for fetch in fetches { #expect(try await fetch.value.readableBytes == 1) }
        #expect(await reads.names.sorted() == ["slow-0", "slow-1"], "one read per file")
        #expect(try await cache.file(sha256: "one-more") { Data([2]) }.readableBytes == 1, "taken once the reads ended")
    }
}

/// What the reads were asked for, in order.
private actor ReadLog {
    var names: [String] = []
    func add(_ name: String) { names.append(name) }
}

/// Holds the reads until the test lets them finish.
private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
