/// "Frequently bought together": for each item, the items that share the most baskets (orders)
/// with it — at least `minimumBaskets` of them — ranked by shared baskets, then by lift
/// (shared / expected if independent), then by item number.
public struct BasketPairs: Sendable {
    /// Per item: partners with the number of baskets they share, best first.
    public let partners: [[(item: Int, baskets: Int)]]

    public init(baskets: [[Int]], itemCount: Int, minimumBaskets: Int = 2, keep: Int = 20) {
        var together = [[Int: Int]](repeating: [:], count: itemCount)
        var single = [Int](repeating: 0, count: itemCount)
        for basket in baskets {
            let items = Array(Set(basket)).sorted()
            for item in items { single[item] += 1 }
            for (index, first) in items.enumerated() {
                for second in items[(index + 1)...] {
                    together[first][second, default: 0] += 1
                    together[second][first, default: 0] += 1
                }
            }
        }
        partners = together.map { counts in
            counts.filter { $0.value >= minimumBaskets }
                .sorted { left, right in
                    if left.value != right.value { return left.value > right.value }
                    // Same count: the rarer partner has the higher lift.
                    if single[left.key] != single[right.key] { return single[left.key] < single[right.key] }
                    return left.key < right.key
                }
                .prefix(keep).map { ($0.key, $0.value) }
        }
    }
}
