import Foundation
import Synchronization

/// Makes opaque, type-prefixed, time-sortable identifiers: `cus_` followed by 26 Crockford
/// base-32 characters, 48 bits of milliseconds then 80 random bits (the ULID layout), so ids
/// sort by creation time as strings on both storage engines.
public enum ResourceID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    /// The random part: 60 bits in its first twelve characters, 20 in its last four.
    private static let highLimit: UInt64 = 1 << 60
    private static let lowLimit: UInt64 = 1 << 20
    /// The random part of the latest id this process made in each of the milliseconds it
    /// stamped most recently (a few hundred; the one used longest ago is forgotten first, so a
    /// burst of ids stamped in the past, an import's, does not push out the present's).
    private static let recent = Mutex(RecentStamps())

    private struct RecentStamps {
        static let kept = 256
        var random: [UInt64: (high: UInt64, low: UInt64)] = [:]
        var order: [UInt64] = []

        /// The next random part in `milliseconds`: one more than the last there, or `fresh`.
        mutating func next(in milliseconds: UInt64, fresh: (high: UInt64, low: UInt64)) -> (high: UInt64, low: UInt64) {
            if let previous = random[milliseconds] {
                if let used = order.lastIndex(of: milliseconds), used != order.count - 1 {
                    order.remove(at: used)
                    order.append(milliseconds)
                }
                var (high, low) = (previous.high, previous.low + 1)
                if low == ResourceID.lowLimit { (high, low) = (high + 1, 0) }
                if high < ResourceID.highLimit {
                    random[milliseconds] = (high, low)
                    return (high, low)
                }
                // 2^80 ids in one millisecond: beyond reach; a fresh draw then breaks the order.
            } else {
                order.append(milliseconds)
                if order.count > Self.kept { random[order.removeFirst()] = nil }
            }
            random[milliseconds] = fresh
            return fresh
        }
    }

    /// A new identifier with the given prefix, stamped with `date`. The random part comes from
    /// the C library's `arc4random_buf` (a ChaCha20 generator seeded by the kernel), which costs
    /// no system call per id. An id stamped in a millisecond this process stamped an id with
    /// moments before takes the next random part instead (the ULID specification's monotonic
    /// ids), so records written in one millisecond (a customer's answer and the bot's thanks)
    /// sort in the order they were made.
    public static func make(_ prefix: IDPrefix, at date: Date) -> String {
        var generator = ChaChaRandom()
        let milliseconds = Self.milliseconds(date)
        let fresh = (high: generator.next() as UInt64 % highLimit, low: generator.next() as UInt64 % lowLimit)
        let random = recent.withLock { $0.next(in: milliseconds, fresh: fresh) }
        return encode(prefix, milliseconds: milliseconds, high: random.high, low: random.low)
    }

    /// A new identifier drawing its random part from `generator` (not ordered within a millisecond).
    public static func make(
        _ prefix: IDPrefix, at date: Date, using generator: inout some RandomNumberGenerator
    ) -> String {
        let high = generator.next() as UInt64 % highLimit
        let low = generator.next() as UInt64 % lowLimit
        return encode(prefix, milliseconds: milliseconds(date), high: high, low: low)
    }

    private static func milliseconds(_ date: Date) -> UInt64 {
        UInt64(max(0, date.timeIntervalSince1970 * 1000))
    }

    /// The prefix, then the time and the random part, most significant character first.
    private static func encode(_ prefix: IDPrefix, milliseconds: UInt64, high: UInt64, low: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 26)
        for (range, value) in [(stride(from: 9, through: 0, by: -1), milliseconds), (stride(from: 21, through: 10, by: -1), high),
                               (stride(from: 25, through: 22, by: -1), low)] {
            var rest = value
            for index in range {
                bytes[index] = alphabet[Int(rest & 31)]
                rest >>= 5
            }
        }
        return prefix.rawValue + "_" + String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `value` looks like an identifier of the given kind (prefix and length).
    public static func isValid(_ value: String, prefix: IDPrefix) -> Bool {
        guard value.hasPrefix(prefix.rawValue + "_") else { return false }
        let body = value.utf8.dropFirst(prefix.rawValue.utf8.count + 1)
        return body.count == 26 && body.allSatisfy { alphabet.contains($0) }
    }

    /// Whether `value` could be an identifier of any kind: short, ASCII letters, digits and `_`.
    /// Anything else cannot name a record and need not reach the database.
    public static func isPlausible(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 64
            && value.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
    }
}
