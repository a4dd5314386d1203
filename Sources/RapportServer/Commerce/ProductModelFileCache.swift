import Foundation
import NIOCore
import RapportCore

/// The 3D files served lately, kept in memory by digest, and a cap on how many are read from the
/// database at once. Anyone may fetch a file, and a file is up to 15 MiB: without this, a burst
/// of fetches would hold as many copies in memory and as many database connections as it has
/// requests. Fetches of a file being read wait for that one read; a file read is answered from
/// here until it is pushed out (a `ByteBuffer` is shared, not copied, between responses). With
/// every read slot taken, a fetch waits up to `slotWait` for one, then is told to come back
/// (503): phones' viewers do not retry, so it waits before refusing.
actor ProductModelFileCache {
    /// What the cache may hold: four files of the largest size, or this many files.
    static let budget = 64 << 20
    static let maximumFiles = 256
    /// Files read from the database at the same time.
    static let concurrentReads = 2
    static let refusal = RapportError.overloaded("Many 3D files are being read at once; fetch this one again in a moment.", retryAfterSeconds: 1)

    let slotWait: Duration
    private var files: [String: ByteBuffer] = [:]
    /// Digests, least recently served first.
    private var recency: [String] = []
    private var held = 0
    private var reading: [String: Task<ByteBuffer, any Error>] = [:]

    init(slotWait: Duration = .seconds(2)) {
        self.slotWait = slotWait
    }

    /// The file with this digest, from memory, from a read under way, or read by `read`.
    func file(sha256: String, read: @escaping @Sendable () async throws -> Data) async throws -> ByteBuffer {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: slotWait)
        while true {
            if let found = files[sha256] {
                recency.removeAll { $0 == sha256 }
                recency.append(sha256)
                return found
            }
            if let running = reading[sha256] { return try await running.value }
            if reading.count < Self.concurrentReads { break }
            guard clock.now < deadline else { throw Self.refusal }
            try await Task.sleep(for: .milliseconds(20))
        }
        let task = Task { ByteBuffer(bytes: try await read()) }
        reading[sha256] = task
        defer { reading[sha256] = nil }
        let buffer = try await task.value
        keep(buffer, as: sha256)
        return buffer
    }

    private func keep(_ buffer: ByteBuffer, as sha256: String) {
        guard files[sha256] == nil, buffer.readableBytes <= Self.budget else { return }
        while held + buffer.readableBytes > Self.budget || files.count >= Self.maximumFiles, let oldest = recency.first {
            recency.removeFirst()
            held -= files.removeValue(forKey: oldest)?.readableBytes ?? 0
        }
        files[sha256] = buffer
        recency.append(sha256)
        held += buffer.readableBytes
    }
}
