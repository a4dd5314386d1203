import Foundation

/// The checks a 3D file passes before a product carries it: its size, and that its bytes are
/// the format it claims, read from the structure each format's specification fixes — so a
/// renamed image, a compressed zip or a truncated upload is refused with the reason, rather
/// than served to a phone that cannot open it.
///
/// - glTF binary (Khronos glTF 2.0, "GLB File Format Specification"): a 12-byte header (magic
///   `glTF`, version 2, the file's length), then chunks of length and type; the first is the
///   JSON chunk, whose `asset.version` is 2.x.
/// - USDZ (Pixar, "Usdz File Format Specification"): a zip archive with no compression and no
///   encryption whose first file is a USD layer (`.usda`, `.usdc` or `.usd`) and whose files'
///   data start on 64-byte boundaries.
public enum ProductModelFile {
    /// The largest file taken: phones download the whole file before showing anything, and both
    /// viewers' guidance asks for a few megabytes.
    public static let maximumBytes = 15 << 20

    /// Why `bytes` cannot be a product's `format` file, or nil when it can.
    public static func problem(in bytes: [UInt8], as format: ProductModelFormat) -> String? {
        guard !bytes.isEmpty else { return "The file is empty." }
        guard bytes.count <= maximumBytes else { return "The file is \(bytes.count) bytes; at most \(maximumBytes) are taken." }
        switch format {
        case .glb: return glbProblem(bytes)
        case .usdz: return usdzProblem(bytes)
        }
    }

    private static func glbProblem(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 20, Array(bytes[0..<4]) == Array("glTF".utf8) else {
            return "This is not a glTF binary (.glb): it does not start with the glTF header."
        }
        guard littleEndian32(bytes, at: 4) == 2 else { return "Only glTF 2.0 binaries are taken (the header says version \(littleEndian32(bytes, at: 4)))." }
        let declared = Int(littleEndian32(bytes, at: 8))
        guard declared == bytes.count else {
            return "The header says the file is \(declared) bytes, but \(bytes.count) arrived: it is truncated or has bytes appended."
        }
        let jsonLength = Int(littleEndian32(bytes, at: 12))
        guard littleEndian32(bytes, at: 16) == 0x4E4F_534A, jsonLength > 0, 20 + jsonLength <= bytes.count else {
            return "The first chunk of a glTF binary must be its JSON, within the file."
        }
        guard let document = try? JSONSerialization.jsonObject(with: Data(bytes[20..<(20 + jsonLength)])) as? [String: Any],
            let asset = document["asset"] as? [String: Any], let version = asset["version"] as? String
        else { return "The glTF JSON chunk is not a glTF document with an asset version." }
        guard version.hasPrefix("2.") else { return "Only glTF 2.0 is taken (the asset says \(version))." }
        return nil
    }

    private static func usdzProblem(_ bytes: [UInt8]) -> String? {
        let localHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        guard bytes.count >= 30, Array(bytes[0..<4]) == localHeader else {
            return "This is not a USDZ package: it does not start with a zip entry."
        }
        let nameLength = Int(littleEndian16(bytes, at: 26))
        let extraLength = Int(littleEndian16(bytes, at: 28))
        guard 30 + nameLength + extraLength <= bytes.count else { return "The package's first entry runs past the end of the file." }
        let name = String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self).lowercased()
        guard [".usda", ".usdc", ".usd"].contains(where: name.hasSuffix) else {
            return "The first file in a USDZ package must be a USD layer (.usda, .usdc or .usd), not \(name)."
        }
        guard let directory = centralDirectory(bytes) else {
            return "The package has no readable zip directory: it is truncated or not a zip archive."
        }
        var offset = directory.offset
        for _ in 0..<directory.entries {
            guard offset + 46 <= bytes.count, Array(bytes[offset..<(offset + 4)]) == [0x50, 0x4B, 0x01, 0x02] else {
                return "The package's zip directory is damaged."
            }
            let entryName = String(decoding: bytes[(offset + 46)..<min(bytes.count, offset + 46 + Int(littleEndian16(bytes, at: offset + 28)))], as: UTF8.self)
            if littleEndian16(bytes, at: offset + 8) & 1 != 0 { return "\(entryName) is encrypted; USDZ packages are not." }
            if littleEndian16(bytes, at: offset + 10) != 0 { return "\(entryName) is compressed; a USDZ package stores its files uncompressed." }
            let local = Int(littleEndian32(bytes, at: offset + 42))
            guard local + 30 <= bytes.count, Array(bytes[local..<(local + 4)]) == localHeader else { return "The package's zip directory is damaged." }
            let dataStart = local + 30 + Int(littleEndian16(bytes, at: local + 26)) + Int(littleEndian16(bytes, at: local + 28))
            if dataStart % 64 != 0 { return "\(entryName) does not start on a 64-byte boundary, as USDZ requires." }
            offset += 46 + Int(littleEndian16(bytes, at: offset + 28)) + Int(littleEndian16(bytes, at: offset + 30)) + Int(littleEndian16(bytes, at: offset + 32))
        }
        return nil
    }

    /// The zip's end-of-directory record, searched from the end (it may be followed by a comment
    /// of up to 65,535 bytes): where the directory starts and how many entries it lists.
    private static func centralDirectory(_ bytes: [UInt8]) -> (offset: Int, entries: Int)? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var index = bytes.count - 22
        while index >= lowest {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 {
                let offset = Int(littleEndian32(bytes, at: index + 16))
                let entries = Int(littleEndian16(bytes, at: index + 10))
                guard entries > 0, offset < index else { return nil }
                return (offset, entries)
            }
            index -= 1
        }
        return nil
    }

    private static func littleEndian16(_ bytes: [UInt8], at index: Int) -> UInt16 {
        UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
    }

    private static func littleEndian32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
    }
}
