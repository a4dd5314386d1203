/// The evaluation split: each user's interactions in time order (ties keep the input's
/// order), the last 20% — rounded down, so at least one stays — held out, the rest to train on.
public struct InteractionSplit: Sendable {
    public private(set) var training: [ItemInteraction] = []
    /// The held-out items per user, for users who have any.
    public private(set) var heldOut: [String: Set<String>] = [:]

    public init(_ interactions: [ItemInteraction], heldOutShare: Double = 0.2) {
        var byUser: [String: [Int]] = [:]
        var users: [String] = []
        for (position, interaction) in interactions.enumerated() {
            if byUser[interaction.user] == nil { users.append(interaction.user) }
            byUser[interaction.user, default: []].append(position)
        }
        for user in users {
            let positions = (byUser[user] ?? []).sorted { (interactions[$0].time, $0) < (interactions[$1].time, $1) }
            let held = Int((Double(positions.count) * heldOutShare).rounded(.down) + 1e-9)
            let kept = positions.count - min(held, positions.count - 1)
            training += positions[..<kept].map { interactions[$0] }
            if kept < positions.count { heldOut[user] = Set(positions[kept...].map { interactions[$0].item }) }
        }
    }
}
