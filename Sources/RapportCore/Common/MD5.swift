import Foundation

/// MD5 (RFC 1321), for draws that SQL must be able to make too: PostgreSQL has `md5()` built
/// in, so a share of customers drawn from an MD5 of their ids is the same share whether Swift or
/// the database draws it. Never for anything that needs a secure hash.
public enum MD5 {
    /// The 16-byte digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let (a, b, c, d) = words(bytes)
        return [a, b, c, d].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32($0 * 8)) } }
    }

    /// The digest's first eight bytes as a big-endian number (what `md5()`'s first 16 hex
    /// digits read as), without building the digest's bytes.
    public static func prefix(_ bytes: some Collection<UInt8>) -> UInt64 {
        let (a, b, _, _) = words(bytes)
        return UInt64(a.byteSwapped) << 32 | UInt64(b.byteSwapped)
    }

    /// The four state words after the whole message, padding and length included (RFC 1321 §3).
    private static func words(_ bytes: some Collection<UInt8>) -> (UInt32, UInt32, UInt32, UInt32) {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        var message = [UInt8]()
        message.reserveCapacity((bytes.count + 72) / 64 * 64)
        message.append(contentsOf: bytes)
        let bitLength = UInt64(message.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 0, to: 64, by: 8) { message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { words in
            for block in stride(from: 0, to: message.count, by: 64) {
                for index in 0..<16 {
                    let at = block + index * 4
                    words[index] = UInt32(message[at]) | UInt32(message[at + 1]) << 8 | UInt32(message[at + 2]) << 16 | UInt32(message[at + 3]) << 24
                }
                var (a, b, c, d) = state
                for step in 0..<64 {
                    let (mixed, word): (UInt32, Int) = switch step {
                    case 0..<16: ((b & c) | (~b & d), step)
                    case 16..<32: ((d & b) | (~d & c), (5 &* step &+ 1) % 16)
                    case 32..<48: (b ^ c ^ d, (3 &* step &+ 5) % 16)
                    default: (c ^ (b | ~d), (7 &* step) % 16)
                    }
                    let sum = a &+ mixed &+ sines[step] &+ words[word]
                    (a, d, c) = (d, c, b)
                    b = b &+ (sum << shifts[step] | sum >> (32 - shifts[step]))
                }
                state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
            }
        }
        return state
    }

    /// How far each step rotates (RFC 1321 §3.4).
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// The integer part of 2³² × |sin(i + 1)|, for each step i (RFC 1321 §3.4).
    private static let sines: [UInt32] = (0..<64).map { index in
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(index + 1))) * 4_294_967_296).rounded(.down)))
    }
}
