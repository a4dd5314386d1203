/// Picks the best-scored items without sorting them all.
public enum RankedItems {
    public static func top(_ count: Int, of scores: [Double], excluding excluded: Set<Int>) -> [Int] {
        guard count > 0 else { return [] }
        // A small sorted buffer: for tens of results over thousands of items this beats a heap.
        var best: [(score: Double, item: Int)] = []
        best.reserveCapacity(count + 1)
        for (item, score) in scores.enumerated() where !excluded.contains(item) && score.isFinite {
            if best.count == count, let last = best.last, !(score > last.score) { continue }
            var position = best.count
            while position > 0 && (best[position - 1].score < score) { position -= 1 }
            best.insert((score, item), at: position)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.item)
    }
}
