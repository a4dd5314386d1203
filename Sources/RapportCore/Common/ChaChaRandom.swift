import Foundation

/// Random numbers from `arc4random_buf`: cryptographically strong, seeded by the kernel, and
/// without the system call that `SystemRandomNumberGenerator` makes for every number on Linux.
public struct ChaChaRandom: RandomNumberGenerator {
    public init() {}

    public mutating func next() -> UInt64 {
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { buffer in
            if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) }
        }
        return value
    }
}
