extension String {
    /// The string without leading and trailing white space and newlines. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString, which showed in import profiles; and
    /// text that starts and ends with a visible ASCII character, nearly all of it, is returned
    /// without looking at each character's Unicode properties.
    public var trimmed: String {
        if let first = utf8.first, let last = utf8.last, (33...126).contains(first), (33...126).contains(last) {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
