import Foundation

/// Content-Transfer-Encoding: base64 (ignoring line breaks and stray characters) and
/// quoted-printable (soft line breaks, `=XX` escapes).
enum TransferEncoding {
    static func base64(_ body: ArraySlice<UInt8>) -> [UInt8] {
        let cleaned = body.filter { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2B || byte == 0x2F || byte == 0x3D
        }
        var text = String(decoding: cleaned, as: UTF8.self)
        text = text.replacingOccurrences(of: "=", with: "")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).map { Array($0) } ?? []
    }

    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == 0x3D {
                let next = body.index(after: index)
                if next < body.endIndex, body[next] == 0x0A {
                    index = next + 1
                    continue
                }
                if next + 1 < body.endIndex, body[next] == 0x0D, body[next + 1] == 0x0A {
                    index = next + 2
                    continue
                }
                if next + 1 < body.endIndex, let high = hex(body[next]), let low = hex(body[next + 1]) {
                    output.append(high << 4 | low)
                    index = next + 2
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
