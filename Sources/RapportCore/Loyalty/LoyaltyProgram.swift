import Foundation

/// A workspace's loyalty programme: how orders earn points, how long points stay pending (the
/// returns window) and the tiers. The ledger (`LoyaltyEntry`) is what customers hold; the
/// programme only decides what the next entries are.
public struct LoyaltyProgram: Sendable, Equatable, Codable {
    public var workspaceID: String
    /// Off: no order earns points; points already earned still follow their orders (a refund
    /// still takes them back, a delivery still makes them usable).
    public var enabled: Bool
    /// Points per whole unit of the order's currency, in hundredths (100: one point per unit),
    /// so a rate such as 0.29 is exact.
    public var earnPerCurrencyUnitHundredths: Int64
    public var earningBase: LoyaltyEarningBase
    /// Points every order earns on top of those per unit.
    public var pointsPerOrder: Int64
    /// Days after delivery before an order's points become usable (the returns window).
    public var pendingDays: Int
    /// A shop that never reports delivery: an order counts as delivered this many days after it
    /// was fulfilled.
    public var assumedDeliveryDays: Int
    /// Orders placed before this moment earn nothing (the shop's history); nil: any order
    /// Rapport records while the programme exists.
    public var ordersPlacedFrom: Date?
    /// Lowest first.
    public var tiers: [LoyaltyTier]
    /// What the tiers count: points, or spend in `tierCurrency` (required with spend).
    public var tierMeasure: LoyaltyTierMeasure
    public var tierCurrency: String?
    /// Tiers count the orders placed in this many days up to now; nil: every order ever.
    public var tierWindowDays: Int?
    /// With a window: days a customer keeps a tier after the window's points fell below it.
    public var tierGraceDays: Int
    /// What points buy, cheapest first.
    public var rewards: [LoyaltyReward]
    /// Days a reward's discount code stays valid.
    public var rewardValidDays: Int
    /// When usable points expire; `expiryDays` counts for `afterDays`.
    public var expiryRule: LoyaltyExpiryRule
    public var expiryDays: Int
    /// Points for a review, a sign-up, a birthday.
    public var bonuses: LoyaltyBonuses
    /// Promotions that multiply what orders earn, by category or period (tiers multiply too).
    public var multipliers: [LoyaltyMultiplier]
    /// When the programme began: orders Rapport recorded before it earn nothing.
    public var startedAt: Date
    public var updatedAt: Date

    /// Stored with snake-case keys: `workspaceId` survives the round trip, `workspaceID` would not.
    enum CodingKeys: String, CodingKey {
        case workspaceID = "workspaceId"
        case enabled, earnPerCurrencyUnitHundredths, earningBase, pointsPerOrder, pendingDays, assumedDeliveryDays, ordersPlacedFrom, tiers
        case tierWindowDays, tierGraceDays, tierMeasure, tierCurrency
        case rewards, rewardValidDays, expiryRule, expiryDays, bonuses, multipliers, startedAt, updatedAt
    }

    public static let defaultRewardValidDays = 90
    public static let defaultExpiryDays = 365

    public static let maximumTiers = 10
    /// The most one order earns: far beyond any real order, far below what would overflow a
    /// balance.
    public static let maximumPointsPerOrder: Int64 = 1_000_000_000
    public static let maximumDays = 3650

    public init(
        workspaceID: String, enabled: Bool = true, earnPerCurrencyUnitHundredths: Int64 = 100, earningBase: LoyaltyEarningBase = .total,
        pointsPerOrder: Int64 = 0, pendingDays: Int = 14, assumedDeliveryDays: Int = 7, ordersPlacedFrom: Date? = nil,
        tiers: [LoyaltyTier] = [], tierMeasure: LoyaltyTierMeasure = .points, tierCurrency: String? = nil, tierWindowDays: Int? = nil,
        tierGraceDays: Int = 0, rewards: [LoyaltyReward] = [], rewardValidDays: Int = defaultRewardValidDays,
        expiryRule: LoyaltyExpiryRule = .never, expiryDays: Int = defaultExpiryDays, bonuses: LoyaltyBonuses = LoyaltyBonuses(),
        multipliers: [LoyaltyMultiplier] = [], startedAt: Date, updatedAt: Date
    ) {
        self.workspaceID = workspaceID
        self.enabled = enabled
        self.earnPerCurrencyUnitHundredths = earnPerCurrencyUnitHundredths
        self.earningBase = earningBase
        self.pointsPerOrder = pointsPerOrder
        self.pendingDays = pendingDays
        self.assumedDeliveryDays = assumedDeliveryDays
        self.ordersPlacedFrom = ordersPlacedFrom
        self.tiers = tiers
        self.tierMeasure = tierMeasure
        self.tierCurrency = tierCurrency
        self.tierWindowDays = tierWindowDays
        self.tierGraceDays = tierGraceDays
        self.rewards = rewards
        self.rewardValidDays = rewardValidDays
        self.expiryRule = expiryRule
        self.expiryDays = expiryDays
        self.bonuses = bonuses
        self.multipliers = multipliers
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }

    /// A programme stored before rewards existed has none, valid the default days; one stored
    /// before expiry existed never lets points expire; one stored before bonuses gives none; one
    /// stored before multipliers multiplies nothing; one stored before tier windows counts every
    /// order; one stored before tiers could count spend counts points.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workspaceID = try container.decode(String.self, forKey: .workspaceID)
        enabled = try container.decode(Bool.self, forKey: .enabled)
        earnPerCurrencyUnitHundredths = try container.decode(Int64.self, forKey: .earnPerCurrencyUnitHundredths)
        earningBase = try container.decode(LoyaltyEarningBase.self, forKey: .earningBase)
        pointsPerOrder = try container.decode(Int64.self, forKey: .pointsPerOrder)
        pendingDays = try container.decode(Int.self, forKey: .pendingDays)
        assumedDeliveryDays = try container.decode(Int.self, forKey: .assumedDeliveryDays)
        ordersPlacedFrom = try container.decodeIfPresent(Date.self, forKey: .ordersPlacedFrom)
        tiers = try container.decode([LoyaltyTier].self, forKey: .tiers)
        tierMeasure = try container.decodeIfPresent(LoyaltyTierMeasure.self, forKey: .tierMeasure) ?? .points
        tierCurrency = try container.decodeIfPresent(String.self, forKey: .tierCurrency)
        tierWindowDays = try container.decodeIfPresent(Int.self, forKey: .tierWindowDays)
        tierGraceDays = try container.decodeIfPresent(Int.self, forKey: .tierGraceDays) ?? 0
        rewards = try container.decodeIfPresent([LoyaltyReward].self, forKey: .rewards) ?? []
        rewardValidDays = try container.decodeIfPresent(Int.self, forKey: .rewardValidDays) ?? Self.defaultRewardValidDays
        expiryRule = try container.decodeIfPresent(LoyaltyExpiryRule.self, forKey: .expiryRule) ?? .never
        expiryDays = try container.decodeIfPresent(Int.self, forKey: .expiryDays) ?? Self.defaultExpiryDays
        bonuses = try container.decodeIfPresent(LoyaltyBonuses.self, forKey: .bonuses) ?? LoyaltyBonuses()
        multipliers = try container.decodeIfPresent([LoyaltyMultiplier].self, forKey: .multipliers) ?? []
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    /// The reward with this key.
    public func reward(_ key: String) -> LoyaltyReward? {
        rewards.first { $0.key == key.trimmed.lowercased() }
    }

    /// Whether the order earns points at all: the programme is on, and the order is not the
    /// shop's history (recorded before the programme began, or placed before `ordersPlacedFrom`).
    /// `includingHistory`: a replay (`rapport loyalty replay`) credits orders recorded before the
    /// programme began too; `ordersPlacedFrom` still holds.
    public func earns(_ order: LoyaltyOrder, includingHistory: Bool = false) -> Bool {
        guard enabled, includingHistory || order.createdAt >= startedAt else { return false }
        if let from = ordersPlacedFrom, order.placedAt < from { return false }
        return true
    }

    /// When the order's points become usable: `pendingDays` after delivery, or after the
    /// assumed delivery of a fulfilled order; nil while neither happened.
    public func usableAt(_ order: LoyaltyOrder) -> Date? {
        let delivered = order.deliveredAt ?? order.fulfilledAt.map { $0.addingTimeInterval(Double(assumedDeliveryDays) * 86_400) }
        return delivered.map { $0.addingTimeInterval(Double(pendingDays) * 86_400) }
    }

    /// Usable points given before this moment have expired (nil: points never expire). The year
    /// ends are UTC's.
    public func expiryCutoff(at now: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let thisYear = calendar.dateInterval(of: .year, for: now)?.start
        switch expiryRule {
        case .never: return nil
        case .afterDays: return now.addingTimeInterval(-Double(expiryDays) * 86_400)
        case .endOfYear: return thisYear
        case .endOfNextYear: return thisYear.flatMap { calendar.date(byAdding: .year, value: -1, to: $0) }
        }
    }

    /// How far ahead a customer is told of points expiring after a number of days.
    public static let expiryNoticeDays = 30

    /// The next moment to tell a customer about and the cutoff that holds then: for `after_days`
    /// `expiryNoticeDays` from now, for the year rules the start of next year (UTC), when the
    /// year's points go. Nil when points never expire.
    public func upcomingExpiry(at now: Date) -> (by: Date, cutoff: Date)? {
        let by: Date?
        switch expiryRule {
        case .never: by = nil
        case .afterDays: by = now.addingTimeInterval(Double(Self.expiryNoticeDays) * 86_400)
        case .endOfYear, .endOfNextYear: by = Calendar.utc.dateInterval(of: .year, for: now)?.end
        }
        guard let by, let cutoff = expiryCutoff(at: by) else { return nil }
        return (by, cutoff)
    }

    /// The expiry rule in words, for the reason of the entries it writes.
    public var expiryWording: String {
        switch expiryRule {
        case .never: "Points never expire"
        case .afterDays: "Points expire \(expiryDays) days after they become usable"
        case .endOfYear: "Points expire at the end of the year they become usable in"
        case .endOfNextYear: "Points expire at the end of the year after the one they become usable in"
        }
    }

    /// The rate as people write it (`1`, `0.5`).
    public var earnPerCurrencyUnit: Double { Double(earnPerCurrencyUnitHundredths) / 100 }
}
