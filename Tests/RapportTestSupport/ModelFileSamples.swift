/// Small 3D files built byte by byte as their specifications lay them out (Khronos' GLB
/// container; Pixar's USDZ, a stored zip with 64-byte-aligned data), with the faults an upload
/// can have, for the checks that take or refuse them.
public enum ModelFileSamples {
    /// A glTF 2.0 binary holding `json` (an empty scene by default) as its JSON chunk.
    public static func glb(json: String = #"{"asset":{"version":"2.0"},"scenes":[{"nodes":[]}],"scene":0}"#, version: UInt32 = 2, extraBytes: Int = 0) -> [UInt8] {
        var chunk = Array(json.utf8)
        while chunk.count % 4 != 0 { chunk.append(0x20) }
        var bytes = Array("glTF".utf8) + le32(version) + le32(UInt32(12 + 8 + chunk.count))
        bytes += le32(UInt32(chunk.count)) + le32(0x4E4F_534A) + chunk
        return bytes + [UInt8](repeating: 0, count: extraBytes)
    }

    /// A USDZ package whose files are `files` (name and content), the first a USD layer by default.
    public static func usdz(
        files: [(String, [UInt8])] = [("model.usda", Array("#usda 1.0\n(defaultPrim = \"Box\")\ndef Cube \"Box\" {}\n".utf8))],
        compressed: Bool = false, aligned: Bool = true
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for (name, content) in files {
            let nameBytes = Array(name.utf8)
            var extra: [UInt8] = []
            if aligned {
                let start = bytes.count + 30 + nameBytes.count
                var padding = (64 - (start + 4) % 64) % 64
                if start % 64 == 0 { padding = -4 }
                if padding >= 0 { extra = le16(0x1986) + le16(UInt16(padding)) + [UInt8](repeating: 0, count: padding) }
            }
            let offset = bytes.count
            let common = le16(compressed ? 8 : 0) + le16(0) + le16(0x21) + le32(crc32(content)) + le32(UInt32(content.count)) + le32(UInt32(content.count))
                + le16(UInt16(nameBytes.count))
            bytes += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + common + le16(UInt16(extra.count)) + nameBytes + extra + content
            directory += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + common + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
                + le32(UInt32(offset)) + nameBytes
        }
        let directoryOffset = bytes.count
        bytes += directory
        bytes += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(UInt16(files.count)) + le16(UInt16(files.count))
            + le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return bytes
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
