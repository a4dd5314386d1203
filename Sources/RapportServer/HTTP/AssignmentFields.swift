import RapportCore

/// The `owner_id`, `team_id` and `customer_id` of a piece of work (a task, a deal) in a request
/// body: nil when absent, `.some(nil)` when null to clear it.
struct AssignmentFields {
    var ownerID: String??
    var teamID: String??
    var customerID: String??

    static func read(_ body: inout JSONObjectReader) -> AssignmentFields {
        var fields = AssignmentFields()
        for (key, prefix) in [("owner_id", IDPrefix.user), ("team_id", .team), ("customer_id", .customer)] {
            guard let value = id(key, prefix, in: &body) else { continue }
            switch key {
            case "owner_id": fields.ownerID = .some(value)
            case "team_id": fields.teamID = .some(value)
            default: fields.customerID = .some(value)
            }
        }
        return fields
    }

    /// An id of this kind, or null to clear it; nil when absent or not such an id (failed).
    static func id(_ key: String, _ prefix: IDPrefix, in body: inout JSONObjectReader) -> String?? {
        guard let value = body.nullableString(key, maxLength: 64) else { return nil }
        if let id = value, !ResourceID.isValid(id, prefix: prefix) {
            body.fail(key, "must be an id (`\(prefix.rawValue)_…`) or null")
            return nil
        }
        return .some(value)
    }
}
