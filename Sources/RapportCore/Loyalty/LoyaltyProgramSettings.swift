import Foundation

/// A programme as a person sets it (`PUT /api/v1/loyalty/program`): what is left out takes
/// its default, so the whole programme is what one request says.
public struct LoyaltyProgramSettings: Sendable, Equatable {
    public var enabled = true
    /// Points per whole unit of the order's currency: 0 to 1,000, at most two decimals.
    public var earnPerCurrencyUnit: Double = 1
    public var earningBase: LoyaltyEarningBase = .total
    public var pointsPerOrder: Int64 = 0
    public var pendingDays = 14
    public var assumedDeliveryDays = 7
    public var ordersPlacedFrom: Date?
    /// Each tier's `minimum` counts points, or with `spend` minor units of `tierCurrency`.
    public var tiers: [LoyaltyTier] = []
    public var tierMeasure: LoyaltyTierMeasure = .points
    /// With spend: the ISO 4217 currency whose orders count (required then; ignored with points).
    public var tierCurrency: String?
    /// Tiers count the orders placed in the last this many days (1 to 3,650); nil: every order.
    public var tierWindowDays: Int?
    /// With a window: days a customer keeps a tier after falling below it (0 to 3,650).
    public var tierGraceDays = 0
    /// Nil: the programme's current rewards stay (none for a new one); `[]` removes them.
    public var rewards: [LoyaltyReward]?
    /// Nil: the programme's current validity stays (the default for a new one).
    public var rewardValidDays: Int?
    /// When usable points expire (`never` when left out, like every other setting).
    public var expiryRule: LoyaltyExpiryRule = .never
    /// Days after which points expire under `afterDays`: 1 to 3,650.
    public var expiryDays = LoyaltyProgram.defaultExpiryDays
    /// Points for a review, a sign-up, a birthday, set as a group like the rewards. Nil: the
    /// programme's current bonuses stay (none for a new one).
    public var bonuses: LoyaltyBonuses?
    /// Promotions multiplying what orders earn. Nil: the programme's current ones stay (none
    /// for a new one); `[]` removes them.
    public var multipliers: [LoyaltyMultiplier]?

    public init() {}

    /// The settings that make `program` again, every part given (the page's edits of one reward
    /// or multiplier start from here).
    public init(_ program: LoyaltyProgram) {
        enabled = program.enabled
        earnPerCurrencyUnit = Double(program.earnPerCurrencyUnitHundredths) / 100
        earningBase = program.earningBase
        pointsPerOrder = program.pointsPerOrder
        pendingDays = program.pendingDays
        assumedDeliveryDays = program.assumedDeliveryDays
        ordersPlacedFrom = program.ordersPlacedFrom
        tiers = program.tiers
        tierMeasure = program.tierMeasure
        tierCurrency = program.tierCurrency
        tierWindowDays = program.tierWindowDays
        tierGraceDays = program.tierGraceDays
        rewards = program.rewards
        rewardValidDays = program.rewardValidDays
        expiryRule = program.expiryRule
        expiryDays = program.expiryDays
        bonuses = program.bonuses
        multipliers = program.multipliers
    }

    /// The programme these settings make, or the first field that is out of bounds.
    func program(workspaceID: String, existing: LoyaltyProgram?, at now: Date) throws -> LoyaltyProgram {
        guard let hundredths = Self.hundredths(earnPerCurrencyUnit, in: 0...1_000) else {
            throw RapportError.invalid(field: "earn_per_currency_unit", "must be a number from 0 to 1000 with at most two decimals")
        }
        guard (0...1_000_000).contains(pointsPerOrder) else {
            throw RapportError.invalid(field: "points_per_order", "must be a whole number from 0 to 1000000")
        }
        for (field, days) in [("pending_days", pendingDays), ("assumed_delivery_days", assumedDeliveryDays)] {
            guard (0...LoyaltyProgram.maximumDays).contains(days) else {
                throw RapportError.invalid(field: field, "must be a whole number of days from 0 to \(LoyaltyProgram.maximumDays)")
            }
        }
        guard tiers.count <= LoyaltyProgram.maximumTiers else {
            throw RapportError.invalid(field: "tiers", "may list at most \(LoyaltyProgram.maximumTiers) tiers")
        }
        var tierCurrency: String?
        switch tierMeasure {
        case .spend:
            guard let code = self.tierCurrency.flatMap(Currency.normalized) else {
                throw RapportError.invalid(field: "tier_currency", "is required when tiers count spend: the ISO 4217 code of the orders that count, such as EUR")
            }
            tierCurrency = code
        case .points:
            guard self.tierCurrency == nil else {
                throw RapportError.invalid(field: "tier_currency", "counts only with tier_measure spend: tiers counting points count every currency")
            }
        }
        let (minimumField, minimumRange) = tierMeasure.minimumField
        var names = Set<String>()
        var tiers = self.tiers
        for (index, tier) in tiers.enumerated() {
            let name = tier.name.trimmed
            guard !name.isEmpty, name.unicodeScalars.count <= 40, names.insert(name.lowercased()).inserted else {
                throw RapportError.invalid(field: "tiers[\(index)].name", "must be 1 to 40 characters (Unicode code points), each tier's its own")
            }
            guard minimumRange.contains(tier.minimum) else {
                throw RapportError.invalid(
                    field: "tiers[\(index)].\(minimumField)", "must be a whole number from \(minimumRange.lowerBound) to \(minimumRange.upperBound)")
            }
            guard LoyaltyMultiplier.factorRange.contains(tier.multiplierHundredths) else {
                throw RapportError.invalid(field: "tiers[\(index)].multiplier", "must be a number from 1 to 10 with at most two decimals")
            }
            tiers[index].name = name
        }
        tiers.sort { $0.minimum < $1.minimum }
        if let days = tierWindowDays, !(1...LoyaltyProgram.maximumDays).contains(days) {
            throw RapportError.invalid(field: "tier_window_days", "must be a whole number of days from 1 to \(LoyaltyProgram.maximumDays), or null for every order")
        }
        guard (0...LoyaltyProgram.maximumDays).contains(tierGraceDays) else {
            throw RapportError.invalid(field: "tier_grace_days", "must be a whole number of days from 0 to \(LoyaltyProgram.maximumDays)")
        }
        if tierGraceDays > 0, tierWindowDays == nil {
            throw RapportError.invalid(field: "tier_grace_days", "counts only with tier_window_days: without a window, time never lowers a tier")
        }
        if tiers.count > 1, zip(tiers, tiers.dropFirst()).contains(where: { $0.minimum == $1.minimum }) {
            throw RapportError.invalid(field: "tiers", "must each start at a different \(minimumField)")
        }
        let given = self.rewards ?? existing?.rewards ?? []
        let rewardValidDays = self.rewardValidDays ?? existing?.rewardValidDays ?? LoyaltyProgram.defaultRewardValidDays
        guard given.count <= LoyaltyReward.maximumRewards else {
            throw RapportError.invalid(field: "rewards", "may list at most \(LoyaltyReward.maximumRewards) rewards")
        }
        var keys = Set<String>()
        var rewards: [LoyaltyReward] = []
        for (index, reward) in given.enumerated() {
            let checked = try reward.checked(field: "rewards[\(index)]")
            guard keys.insert(checked.key).inserted else {
                throw RapportError.invalid(field: "rewards[\(index)].key", "must differ from the other rewards' keys")
            }
            rewards.append(checked)
        }
        rewards.sort { $0.points < $1.points }
        guard (1...3650).contains(rewardValidDays) else {
            throw RapportError.invalid(field: "reward_valid_days", "must be a whole number of days from 1 to 3650")
        }
        guard (1...LoyaltyProgram.maximumDays).contains(expiryDays) else {
            throw RapportError.invalid(field: "points_expire_after_days", "must be a whole number of days from 1 to \(LoyaltyProgram.maximumDays)")
        }
        let bonuses = self.bonuses ?? existing?.bonuses ?? LoyaltyBonuses()
        if let problem = bonuses.problem() { throw RapportError.invalid([problem]) }
        let givenMultipliers = self.multipliers ?? existing?.multipliers ?? []
        guard givenMultipliers.count <= LoyaltyMultiplier.maximumMultipliers else {
            throw RapportError.invalid(field: "multipliers", "may list at most \(LoyaltyMultiplier.maximumMultipliers) multipliers")
        }
        let multipliers = try givenMultipliers.enumerated().map { index, multiplier in try multiplier.checked(field: "multipliers[\(index)]") }
        return LoyaltyProgram(
            workspaceID: workspaceID, enabled: enabled, earnPerCurrencyUnitHundredths: hundredths, earningBase: earningBase,
            pointsPerOrder: pointsPerOrder, pendingDays: pendingDays, assumedDeliveryDays: assumedDeliveryDays,
            ordersPlacedFrom: ordersPlacedFrom, tiers: tiers, tierMeasure: tierMeasure, tierCurrency: tierCurrency, tierWindowDays: tierWindowDays, tierGraceDays: tierGraceDays, rewards: rewards, rewardValidDays: rewardValidDays,
            expiryRule: expiryRule, expiryDays: expiryDays, bonuses: bonuses, multipliers: multipliers, startedAt: existing?.startedAt ?? now,
            updatedAt: now)
    }

    /// A number of at most two decimals within `range`, in hundredths (1.5 is 150); nil otherwise.
    public static func hundredths(_ value: Double, in range: ClosedRange<Double>) -> Int64? {
        let hundredths = (value * 100).rounded()
        guard value.isFinite, range.contains(value), abs(value * 100 - hundredths) < 1e-6 else { return nil }
        return Int64(hundredths)
    }
}
