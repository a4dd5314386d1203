extension Sequence<Int64> {
    /// Σ of the amounts, held at Int64.max (or Int64.min) where the exact sum would pass it: a
    /// total of kept money figures that must not trap on a workspace's extreme values.
    var saturatingSum: Int64 {
        reduce(Int64(0)) { total, amount in
            let (sum, overflow) = total.addingReportingOverflow(amount)
            return overflow ? (amount < 0 ? Int64.min : Int64.max) : sum
        }
    }
}
