/// How many users interacted with both of two items: the dense item-by-item Gram matrix
/// XᵀX of the binary user-item matrix (row-major, `count × count`).
struct Cooccurrence {
    var counts: [Double]

    init(catalog: ItemCatalog) {
        let n = catalog.count
        var counts = [Double](repeating: 0, count: n * n)
        counts.withUnsafeMutableBufferPointer { matrix in
            for profile in catalog.profiles.values {
                for first in profile {
                    let row = first.item * n
                    for second in profile { matrix[row + second.item] += 1 }
                }
            }
        }
        self.counts = counts
    }
}
