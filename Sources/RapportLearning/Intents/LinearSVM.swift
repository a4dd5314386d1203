/// One-vs-rest linear support vector machines, trained by dual coordinate descent (Hsieh et
/// al., "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML 2008) with the
/// squared hinge loss and a bias feature. Each class's weights are dense over the vocabulary.
public struct LinearSVM: Sendable {
    public let classes: [String]
    /// Per class: weights over the vocabulary, then the bias.
    let weights: [[Float]]

    /// `cost` is C (larger fits the training data harder); `epochs` passes over the data.
    public static func train(
        _ examples: [(vector: SparseVector, label: String)], dimensions: Int, cost: Double = 1, epochs: Int = 12, seed: UInt64 = 1
    ) async -> LinearSVM {
        let classes = Array(Set(examples.map(\.label))).sorted()
        let weights = await withTaskGroup(of: (Int, [Float]).self) { group in
            for (position, name) in classes.enumerated() {
                group.addTask {
                    (position, trainOne(examples, positive: name, dimensions: dimensions, cost: cost, epochs: epochs, seed: seed &+ UInt64(position)))
                }
            }
            var all = [[Float]](repeating: [], count: classes.count)
            for await (position, learnt) in group { all[position] = learnt }
            return all
        }
        return LinearSVM(classes: classes, weights: weights)
    }

    static func trainOne(
        _ examples: [(vector: SparseVector, label: String)], positive: String, dimensions: Int, cost: Double, epochs: Int, seed: UInt64
    ) -> [Float] {
        var w = [Double](repeating: 0, count: dimensions + 1)
        var alpha = [Double](repeating: 0, count: examples.count)
        let diagonal = 0.5 / cost
        let squared = examples.map { $0.vector.squaredNorm + 1 + diagonal }
        var order = Array(examples.indices)
        var random = SeededGenerator(seed: seed)
        for _ in 0..<epochs {
            order.shuffle(using: &random)
            var largestStep = 0.0
            for i in order {
                let x = examples[i].vector
                let y: Double = examples[i].label == positive ? 1 : -1
                var margin = w[dimensions]
                for position in 0..<x.indices.count { margin += x.values[position] * w[x.indices[position]] }
                let gradient = y * margin - 1 + diagonal * alpha[i]
                let updated = max(alpha[i] - gradient / squared[i], 0)
                let step = updated - alpha[i]
                guard step != 0 else { continue }
                largestStep = max(largestStep, abs(step))
                alpha[i] = updated
                let scale = step * y
                for position in 0..<x.indices.count { w[x.indices[position]] += scale * x.values[position] }
                w[dimensions] += scale
            }
            if largestStep < 1e-4 { break }
        }
        return w.map(Float.init)
    }

    /// The margin of every class for a vector, in `classes` order.
    public func scores(_ vector: SparseVector) -> [Double] {
        weights.map { w in
            var sum = Double(w[w.count - 1])
            for position in 0..<vector.indices.count { sum += vector.values[position] * Double(w[vector.indices[position]]) }
            return sum
        }
    }
}
