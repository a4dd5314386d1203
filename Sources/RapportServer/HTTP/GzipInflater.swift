import CZlib
import NIOCore

/// Decompresses gzip (and zlib) request bodies, refusing output beyond a limit so a small
/// compressed body cannot expand into gigabytes.
enum GzipInflater {
    enum Failure: Error, Equatable {
        case tooLarge
        case corrupt
    }

    /// Not a zlib status: the output passed the limit.
    private static let overLimit: Int32 = -1000

    static func inflate(_ input: ByteBuffer, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib headers automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt
        }
        defer { inflateEnd(&stream) }
        var source = Array(input.readableBytesView)
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(4096, source.count * 4)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let status: Int32 = source.withUnsafeMutableBufferPointer { sourceBuffer in
            stream.next_in = sourceBuffer.baseAddress
            stream.avail_in = uInt(sourceBuffer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { return overLimit }
                output.append(contentsOf: chunk[0..<produced])
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK { return result }
                if stream.avail_in == 0, produced == 0 { return Z_DATA_ERROR }
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case overLimit: throw .tooLarge
        default: throw .corrupt
        }
    }
}
