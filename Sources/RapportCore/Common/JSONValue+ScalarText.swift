extension JSONValue {
    /// A string (trimmed, nil when empty) or a whole number as text: how shops and tracking
    /// libraries write ids, which arrive as either.
    public var scalarText: String? {
        switch self {
        case .string(let text):
            let trimmed = text.trimmed
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number) where number.isFinite && number == number.rounded() && abs(number) < 1e15:
            return String(Int64(number))
        default:
            return nil
        }
    }
}
