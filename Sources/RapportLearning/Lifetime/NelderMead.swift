/// The Nelder–Mead simplex method: minimises a function of a few unbounded variables without
/// derivatives. Deterministic (the same start gives the same answer everywhere). Bounds are
/// the caller's, by transforming (e.g. optimising logarithms of positive parameters).
public struct NelderMead: Sendable {
    public var tolerance: Double = 1e-11
    public var maximumEvaluations = 20_000

    public init() {}

    /// The minimum found from `start` and the function's value there.
    public func minimize(_ start: [Double], step: Double = 0.5, _ function: ([Double]) -> Double) -> (point: [Double], value: Double) {
        let dimensions = start.count
        var simplex = [start]
        for index in 0..<dimensions {
            var vertex = start
            vertex[index] += step
            simplex.append(vertex)
        }
        var values = simplex.map(function)
        var evaluations = values.count
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            guard let best = values.first, let worst = values.last else { break }
            if abs(worst - best) <= tolerance * (abs(best) + tolerance) { break }
            var centroid = [Double](repeating: 0, count: dimensions)
            for vertex in simplex.dropLast() {
                for index in 0..<dimensions { centroid[index] += vertex[index] / Double(dimensions) }
            }
            func toward(_ factor: Double) -> [Double] {
                (0..<dimensions).map { centroid[$0] + factor * (simplex[dimensions][$0] - centroid[$0]) }
            }
            let reflected = toward(-1)
            let reflectedValue = function(reflected)
            evaluations += 1
            if reflectedValue < values[0] {
                let expanded = toward(-2)
                let expandedValue = function(expanded)
                evaluations += 1
                (simplex[dimensions], values[dimensions]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[dimensions - 1] {
                (simplex[dimensions], values[dimensions]) = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue < values[dimensions]
                let contracted = toward(outside ? -0.5 : 0.5)
                let contractedValue = function(contracted)
                evaluations += 1
                if contractedValue < min(reflectedValue, values[dimensions]) {
                    (simplex[dimensions], values[dimensions]) = (contracted, contractedValue)
                } else {
                    // Shrink every vertex halfway towards the best.
                    for vertex in 1...dimensions {
                        simplex[vertex] = (0..<dimensions).map { simplex[0][$0] + 0.5 * (simplex[vertex][$0] - simplex[0][$0]) }
                        values[vertex] = function(simplex[vertex])
                    }
                    evaluations += dimensions
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[bestIndex], values[bestIndex])
    }
}
