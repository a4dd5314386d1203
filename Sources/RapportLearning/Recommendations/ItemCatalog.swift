/// Items numbered densely, and each user's training interactions as (item number, weight)
/// with the most recent first: what the models train and score on.
public struct ItemCatalog: Sendable {
    public private(set) var items: [String] = []
    public private(set) var numbers: [String: Int] = [:]
    /// Per user: distinct items, most recent first, with the sum of their interactions' weights.
    public private(set) var profiles: [String: [(item: Int, weight: Double)]] = [:]
    /// Interactions per item.
    public private(set) var counts: [Double] = []

    public init(_ interactions: [ItemInteraction]) {
        var byUser: [String: [Int]] = [:]
        for (position, interaction) in interactions.enumerated() {
            if numbers[interaction.item] == nil {
                numbers[interaction.item] = items.count
                items.append(interaction.item)
                counts.append(0)
            }
            byUser[interaction.user, default: []].append(position)
        }
        for (user, positions) in byUser {
            var seen: [Int: Int] = [:]
            var profile: [(item: Int, weight: Double)] = []
            for position in positions.sorted(by: { (interactions[$0].time, $0) > (interactions[$1].time, $1) }) {
                let interaction = interactions[position]
                guard let item = numbers[interaction.item] else { continue }
                if let slot = seen[item] {
                    profile[slot].weight += interaction.weight
                } else {
                    seen[item] = profile.count
                    profile.append((item, interaction.weight))
                    counts[item] += 1
                }
            }
            profiles[user] = profile
        }
    }

    public var count: Int { items.count }
}
