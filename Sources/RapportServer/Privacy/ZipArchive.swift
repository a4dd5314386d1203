import CZlib
import Foundation

/// A ZIP file (PKWARE APPNOTE 6.3) of named files, each deflated: what a customer's export is
/// when asked for as a zip. Sizes stay under 4 GiB, so no ZIP64 records are needed.
public struct ZipArchive: Sendable {
    private struct Entry {
        var name: [UInt8]
        /// 8 (deflated), or 0 (stored) should zlib refuse to start.
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    private let modified: (time: UInt16, date: UInt16)

    /// Files are stamped with `date` (UTC), as ZIP's DOS time holds it.
    public init(date: Date) {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16(max(0, (parts.year ?? 1980) - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        modified = (time, day)
    }

    public mutating func add(_ name: String, text: String) {
        let data = Array(text.utf8)
        let deflated = Self.deflate(data)
        let compressed = deflated ?? data
        let entry = Entry(
            name: Array(name.utf8), method: deflated == nil ? 0 : 8, crc: Self.crc32(data), compressedSize: UInt32(compressed.count), size: UInt32(data.count),
            offset: UInt32(bytes.count))
        append32(0x0403_4b50)
        appendDescription(of: entry)
        append16(0)
        bytes += entry.name
        bytes += compressed
        entries.append(entry)
    }

    /// The archive's bytes: the files, then the central directory.
    public mutating func finish() -> [UInt8] {
        let directoryStart = bytes.count
        for entry in entries {
            append32(0x0201_4b50)
            append16(20)  // made by: version 2.0
            appendDescription(of: entry)
            append16(0)
            append16(0)
            append16(0)
            append16(0)
            append32(0)
            append32(entry.offset)
            bytes += entry.name
        }
        let directorySize = bytes.count - directoryStart
        append32(0x0605_4b50)
        append16(0)
        append16(0)
        append16(UInt16(entries.count))
        append16(UInt16(entries.count))
        append32(UInt32(directorySize))
        append32(UInt32(directoryStart))
        append16(0)
        return bytes
    }

    /// What the local header and the central directory both say of a file: the version needed
    /// (2.0), flags (UTF-8 names), method, time, CRC, sizes and the name's length.
    private mutating func appendDescription(of entry: Entry) {
        append16(20)
        append16(0x0800)
        append16(entry.method)
        append16(modified.time)
        append16(modified.date)
        append32(entry.crc)
        append32(entry.compressedSize)
        append32(entry.size)
        append16(UInt16(entry.name.count))
    }

    private mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xff))
        bytes.append(UInt8(value >> 8))
    }

    private mutating func append32(_ value: UInt32) {
        append16(UInt16(value & 0xffff))
        append16(UInt16(value >> 16))
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// Raw deflate (no zlib or gzip wrapper), as ZIP stores it.
    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        let written: Int = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return out.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(written))
    }
}
