import Foundation

/// Makes opaque, type-prefixed, time-sortable identifiers: `cus_` followed by 26 Crockford
/// base-32 characters, 48 bits of milliseconds then 80 random bits (the ULID layout), so ids
/// sort by creation time as strings on both storage engines.
public enum ResourceID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new identifier with the given prefix, stamped with `date`. The random part comes from
    /// the C library's `arc4random_buf` (a ChaCha20 generator seeded by the kernel), which costs
    /// no system call per id.
    public static func make(_ prefix: IDPrefix, at date: Date) -> String {
        var generator = ChaChaRandom()
        return make(prefix, at: date, using: &generator)
    }

    /// A new identifier drawing its random part from `generator`.
    public static func make(
        _ prefix: IDPrefix, at date: Date, using generator: inout some RandomNumberGenerator
    ) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            bytes[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        var random = generator.next() as UInt64
        var moreRandom = generator.next() as UInt64
        for index in 10..<26 {
            let source = index < 22 ? random : moreRandom
            bytes[index] = alphabet[Int(source & 31)]
            if index < 22 { random >>= 5 } else { moreRandom >>= 5 }
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
