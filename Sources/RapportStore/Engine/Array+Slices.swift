extension Array {
    /// The elements in consecutive slices of at most `size`, in order: as many values as one
    /// statement binds.
    func slices(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
