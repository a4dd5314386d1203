import Dispatch

/// The inverse of a symmetric positive-definite matrix (row-major, n × n) through its
/// Cholesky factor: A = L Lᵀ, M = L⁻¹ column by column, A⁻¹ = Mᵀ M. Every inner loop runs
/// over contiguous memory, and the rows are shared between two threads (each writes only its
/// own rows, so the result does not depend on the scheduling). Nil if A is not positive
/// definite.
public enum SymmetricInverse {
    public static func of(_ matrix: [Double], size n: Int) -> [Double]? {
        guard n > 0, matrix.count == n * n else { return nil }
        var factor = matrix
        let threads = n >= 256 ? 2 : 1
        let positive = factor.withUnsafeMutableBufferPointer { buffer -> Bool in
            nonisolated(unsafe) let base = buffer.baseAddress!
            for j in 0..<n {
                let rowJ = base + j * n
                var diagonal = rowJ[j]
                for r in 0..<j { diagonal -= rowJ[r] * rowJ[r] }
                guard diagonal > 0 else { return false }
                let root = diagonal.squareRoot()
                rowJ[j] = root
                let rows = n - j - 1
                guard rows > 0 else { continue }
                let parts = rows >= 128 ? threads : 1
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let pivot = base + j * n
                    for i in (j + 1 + part * rows / parts)..<(j + 1 + (part + 1) * rows / parts) {
                        let rowI = base + i * n
                        var sum = rowI[j]
                        for r in 0..<j { sum -= rowI[r] * pivot[r] }
                        rowI[j] = sum / root
                    }
                }
            }
            return true
        }
        guard positive else { return nil }
        // Row k of `transposed` is column k of M = L⁻¹ (zero above k): L x = e_k.
        var transposed = [Double](repeating: 0, count: n * n)
        factor.withUnsafeBufferPointer { lower in
            transposed.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let l = lower.baseAddress!, m = output.baseAddress!
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    for k in stride(from: part, to: n, by: threads) {
                        let x = m + k * n
                        x[k] = 1 / l[k * n + k]
                        var i = k + 1
                        while i < n {
                            let rowI = l + i * n
                            var sum = 0.0
                            for r in k..<i { sum -= rowI[r] * x[r] }
                            x[i] = sum / rowI[i]
                            i += 1
                        }
                    }
                }
            }
        }
        // A⁻¹[i][k] = Σ_r M[r][i] M[r][k], r from max(i, k).
        var inverse = [Double](repeating: 0, count: n * n)
        transposed.withUnsafeBufferPointer { source in
            inverse.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let m = source.baseAddress!, p = output.baseAddress!
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    for i in stride(from: part, to: n, by: threads) {
                        let rowI = m + i * n
                        for k in i..<n {
                            let rowK = m + k * n
                            var sum = 0.0
                            for r in k..<n { sum += rowI[r] * rowK[r] }
                            p[i * n + k] = sum
                            p[k * n + i] = sum
                        }
                    }
                }
            }
        }
        return inverse
    }
}
