import Foundation

/// The programme's rewards and multipliers changed one at a time (the loyalty page), each in
/// the transaction that reads the programme, audited as any change of it.
extension LoyaltyService {
    /// Adds the reward, or changes the one with its key.
    public func putReward(_ reward: LoyaltyReward, as actor: Actor) async throws -> LoyaltyProgram {
        let checked = try reward.checked(field: "reward")
        return try await changeProgram(as: actor, change: "reward \(checked.key) saved") { existing in
            var settings = try Self.settings(of: existing)
            var rewards = settings.rewards ?? []
            if let index = rewards.firstIndex(where: { $0.key == checked.key }) {
                rewards[index] = checked
            } else {
                guard rewards.count < LoyaltyReward.maximumRewards else {
                    throw RapportError.invalid(field: "reward", "the programme has \(LoyaltyReward.maximumRewards) rewards already; remove one first")
                }
                rewards.append(checked)
            }
            settings.rewards = rewards
            return settings
        }
    }

    /// Removes the reward with this key. Codes it gave stay valid and keep their points spent.
    public func removeReward(key: String, as actor: Actor) async throws -> LoyaltyProgram {
        let key = key.trimmed.lowercased()
        return try await changeProgram(as: actor, change: "reward \(key) removed") { existing in
            var settings = try Self.settings(of: existing)
            var rewards = settings.rewards ?? []
            guard let index = rewards.firstIndex(where: { $0.key == key }) else {
                throw RapportError.notFound("The programme has no reward \(key); it may have been removed already.")
            }
            rewards.remove(at: index)
            settings.rewards = rewards
            return settings
        }
    }

    /// Adds the multiplier after the others.
    public func addMultiplier(_ multiplier: LoyaltyMultiplier, as actor: Actor) async throws -> LoyaltyProgram {
        let checked = try multiplier.checked(field: "multiplier")
        return try await changeProgram(as: actor, change: "multiplier \(checked.name) added") { existing in
            var settings = try Self.settings(of: existing)
            var multipliers = settings.multipliers ?? []
            guard multipliers.count < LoyaltyMultiplier.maximumMultipliers else {
                throw RapportError.invalid(
                    field: "multiplier", "the programme has \(LoyaltyMultiplier.maximumMultipliers) multipliers already; remove one first")
            }
            multipliers.append(checked)
            settings.multipliers = multipliers
            return settings
        }
    }

    /// Removes the multiplier at `index` (from 0, as listed), which must still be the one named
    /// `name`: a list changed since it was shown removes nothing.
    public func removeMultiplier(at index: Int, named name: String, as actor: Actor) async throws -> LoyaltyProgram {
        try await changeProgram(as: actor, change: "multiplier \(name) removed") { existing in
            var settings = try Self.settings(of: existing)
            var multipliers = settings.multipliers ?? []
            guard multipliers.indices.contains(index), multipliers[index].name == name else {
                throw RapportError.notFound("The programme's multipliers changed since the page was shown; nothing was removed.")
            }
            multipliers.remove(at: index)
            settings.multipliers = multipliers
            return settings
        }
    }

    private static func settings(of existing: LoyaltyProgram?) throws -> LoyaltyProgramSettings {
        guard let existing else { throw RapportError.conflict("Start the loyalty programme before giving it rewards or multipliers.") }
        return LoyaltyProgramSettings(existing)
    }
}
