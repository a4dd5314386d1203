/// Template values without the absent ones (a missing key renders as nothing, and an
/// inverted section `{{^key}}` shows).
enum ViewValues {
    static func make(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }
}
