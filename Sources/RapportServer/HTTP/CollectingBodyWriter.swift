import Hummingbird
import NIOCore
import Synchronization

/// A response body writer that keeps the bytes, so a response can be stored and replayed.
struct CollectingBodyWriter: ResponseBodyWriter {
    final class Storage: Sendable {
        let buffer = Mutex(ByteBuffer())
    }

    let storage = Storage()

    mutating func write(_ buffer: ByteBuffer) async throws {
        storage.buffer.withLock { stored in
            var copy = buffer
            stored.writeBuffer(&copy)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}

    /// Writes `response`'s body into memory and returns the bytes and an equivalent response.
    static func collect(_ response: Response) async throws -> (ByteBuffer, Response) {
        let writer = CollectingBodyWriter()
        let storage = writer.storage
        var copy = response
        try await response.body.write(writer)
        let bytes = storage.buffer.withLock { $0 }
        copy.body = .init(byteBuffer: bytes)
        return (bytes, copy)
    }
}
