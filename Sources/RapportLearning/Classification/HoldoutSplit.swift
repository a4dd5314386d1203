/// A seeded random split of examples into a training part and a held-out part: the same seed
/// and count give the same split.
public struct HoldoutSplit: Sendable, Equatable {
    public var training: [Int]
    public var heldOut: [Int]

    /// `heldOutFraction` of `count` (rounded; the fraction taken within 0…1, none when not
    /// finite) held out, drawn by a Fisher–Yates shuffle of its own from `seed`, so the split
    /// does not depend on the standard library's shuffling.
    public init(count: Int, heldOutFraction: Double = 0.2, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var indices = Array(0..<max(count, 0))
        if indices.count > 1 {
            for last in stride(from: indices.count - 1, to: 0, by: -1) {
                // A draw in 0...last by rejection, free of modulo bias.
                let bound = UInt64(last + 1)
                let limit = UInt64.max - UInt64.max % bound
                var draw = generator.next()
                while draw >= limit { draw = generator.next() }
                indices.swapAt(last, Int(draw % bound))
            }
        }
        let fraction = heldOutFraction.isFinite ? min(max(heldOutFraction, 0), 1) : 0
        let held = min(Int((Double(indices.count) * fraction).rounded()), indices.count)
        heldOut = Array(indices[..<held]).sorted()
        training = Array(indices[held...]).sorted()
    }
}
