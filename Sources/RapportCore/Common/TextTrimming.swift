extension StringProtocol {
    /// The string without leading and trailing white space and newlines. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString, which showed in import profiles.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
