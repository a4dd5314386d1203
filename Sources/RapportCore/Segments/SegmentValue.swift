/// What a condition compares its field with.
public enum SegmentValue: Sendable, Equatable {
    case none
    case number(Double)
    case text(String)
    case texts([String])
    case boolean(Bool)
    case date(SegmentDate)

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    public var json: JSONValue? {
        switch self {
        case .none: nil
        case .number(let number): .number(number)
        case .text(let text): .string(text)
        case .texts(let texts): .array(texts.map(JSONValue.string))
        case .boolean(let flag): .bool(flag)
        case .date(let date): date.json
        }
    }
}
