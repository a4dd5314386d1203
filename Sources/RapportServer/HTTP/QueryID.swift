import RapportCore

/// An id given as a query parameter to filter a list: absent or empty reads as nil, anything
/// else must be an id of its kind.
enum QueryID {
    static func read(_ text: String?, _ prefix: IDPrefix, field: String) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard ResourceID.isValid(text, prefix: prefix) else { throw RapportError.invalid(field: field, "must be an id (`\(prefix.rawValue)_…`)") }
        return text
    }
}
