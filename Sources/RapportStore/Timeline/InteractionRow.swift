import RapportCore

/// A touchpoint as the one-statement view returns it inside a JSON array.
struct InteractionRow: Decodable {
    var id: String
    var channel: String
    var direction: String
    var kind: String
    var summary: String?
    var occurredAt: Int64
    var payload: JSONValue?
    var createdAt: Int64

    func interaction(customerID: String, workspaceID: String) -> Interaction? {
        guard let channel = InteractionChannel(rawValue: channel), let direction = InteractionDirection(rawValue: direction)
        else { return nil }
        return Interaction(
            id: id, workspaceID: workspaceID, customerID: customerID, channel: channel, direction: direction, kind: InteractionKind(rawValue: kind),
            summary: summary, occurredAt: Timestamp.date(microseconds: occurredAt), payload: payload,
            createdAt: Timestamp.date(microseconds: createdAt))
    }
}
