import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/loyalty/program` (read by everyone, set as a whole by those who shape the
/// programme), `/api/v1/loyalty/totals` (members, points owed, customers per tier) and a customer's points: `/api/v1/customers/{id}/loyalty` (balance, pending,
/// tier, the ledger newest first), `…/loyalty/redemptions` (spend) and
/// `…/loyalty/adjustments` (give or take by hand). Orders earn and lose points by themselves
/// (ADR 0014).
struct LoyaltyRoutes {
    let loyalty: LoyaltyService
    let clock: any WallClock

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("loyalty/program") { _, context in
            guard let program = try await loyalty.program(as: context.actor) else {
                throw RapportError.notFound("No loyalty programme yet; PUT /api/v1/loyalty/program sets one.")
            }
            return try JSONResponse.make(LoyaltyProgramResponse(program))
        }
        group.get("loyalty/totals") { _, context in
            guard let found = try await loyalty.totals(as: context.actor) else {
                throw RapportError.notFound("No loyalty programme yet; PUT /api/v1/loyalty/program sets one.")
            }
            return try JSONResponse.make(LoyaltyTotalsResponse(program: found.program, totals: found.totals))
        }
        group.put("loyalty/program", requiring: .manageLoyalty) { request, context in
            let settings = try await Self.settings(of: request, context: context)
            return try JSONResponse.make(LoyaltyProgramResponse(try await loyalty.setProgram(settings, as: context.actor)))
        }
        group.get("customers/:id/loyalty") { request, context in
            let id = try PathID.require(context, .customer, "customer")
            let account = try await loyalty.account(customerID: id, page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(LoyaltyAccountResponse(account))
        }
        group.post("customers/:id/loyalty/redemptions", requiring: .redeemPoints) { request, context in
            let id = try PathID.require(context, .customer, "customer")
            let (points, reason) = try await Self.pointsAndReason(of: request, context: context, reasonRequired: false)
            return try JSONResponse.make(
                LoyaltyEntryResponse(try await loyalty.redeem(customerID: id, points: points, reason: reason, as: context.actor)), status: .created)
        }
        group.get("customers/:id/loyalty/rewards") { _, context in
            let id = try PathID.require(context, .customer, "customer")
            let codes = try await loyalty.rewardCodes(customerID: id, as: context.actor)
            let now = clock.now()
            return try JSONResponse.make(ListResponse(data: codes.items.map { LoyaltyRewardCodeResponse($0, now: now) }, hasMore: codes.hasMore, lastID: nil))
        }
        group.post("customers/:id/loyalty/rewards", requiring: .redeemPoints) { request, context in
            let id = try PathID.require(context, .customer, "customer")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let key = body.requiredString("reward", maxLength: 80)
            try body.finish()
            let issued = try await loyalty.issueReward(customerID: id, rewardKey: key ?? "", as: context.actor)
            return try JSONResponse.make(LoyaltyRewardCodeResponse(issued, now: clock.now()), status: .created)
        }
        group.post("customers/:id/loyalty/adjustments", requiring: .adjustPoints) { request, context in
            let id = try PathID.require(context, .customer, "customer")
            let (points, reason) = try await Self.pointsAndReason(of: request, context: context, reasonRequired: true)
            return try JSONResponse.make(
                LoyaltyEntryResponse(try await loyalty.adjust(customerID: id, points: points, reason: reason ?? "", as: context.actor)), status: .created)
        }
    }

    /// `{"points": 100, "reason": "…"}`; the service decides what a missing reason means.
    private static func pointsAndReason(
        of request: Request, context: AuthenticatedRequestContext, reasonRequired: Bool
    ) async throws -> (Int64, String?) {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let points = body.integer("points", in: -LoyaltyService.maximumPointsByHand...LoyaltyService.maximumPointsByHand)
        let reason = reasonRequired
            ? body.requiredString("reason", maxLength: LoyaltyService.maximumReasonLength * 2)
            : body.string("reason", maxLength: LoyaltyService.maximumReasonLength * 2)
        if points == nil, body.errors.isEmpty { body.fail("points", "is required: a whole number") }
        try body.finish()
        return (points ?? 0, reason)
    }

    /// Every field optional; what is left out takes its default (`LoyaltyProgramSettings`).
    private static func settings(of request: Request, context: AuthenticatedRequestContext) async throws -> LoyaltyProgramSettings {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var settings = LoyaltyProgramSettings()
        if let enabled = body.bool("enabled") { settings.enabled = enabled }
        switch body.any("earn_per_currency_unit") {
        case nil, .null: break
        case .number(let rate): settings.earnPerCurrencyUnit = rate
        default: body.fail("earn_per_currency_unit", "must be a number")
        }
        if let base = body.string("earn_on", maxLength: 32) {
            if let known = LoyaltyEarningBase(rawValue: base) { settings.earningBase = known } else {
                body.fail("earn_on", "must be one of \(LoyaltyEarningBase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let points = body.integer("points_per_order", in: 0...1_000_000) { settings.pointsPerOrder = points }
        let days = Int64(0)...Int64(LoyaltyProgram.maximumDays)
        if let pending = body.integer("pending_days", in: days) { settings.pendingDays = Int(pending) }
        if let assumed = body.integer("assumed_delivery_days", in: days) { settings.assumedDeliveryDays = Int(assumed) }
        if let from = body.date("orders_placed_from") { settings.ordersPlacedFrom = from }
        if let measure = body.string("tier_measure", maxLength: 32) {
            if let known = LoyaltyTierMeasure(rawValue: measure) { settings.tierMeasure = known } else {
                body.fail("tier_measure", "must be one of \(LoyaltyTierMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let currency = body.string("tier_currency", maxLength: 8) { settings.tierCurrency = currency }
        if let tiers = body.array("tiers") {
            // A spend tier starts at an amount in minor units of the tier currency. A tier as
            // the programme's answer shows it carries the other measure's field too, null.
            let (field, range) = settings.tierMeasure.minimumField
            let other = LoyaltyTierMeasure.allCases.first { $0 != settings.tierMeasure }?.minimumField.name ?? ""
            settings.tiers = tiers.enumerated().compactMap { index, value in
                body.nested(value, at: "tiers[\(index)]") { tier in
                    let name = tier.requiredString("name", maxLength: 80)
                    let minimum = tier.integer(field, in: range)
                    if minimum == nil, tier.errors.isEmpty { tier.fail(field, "is required: a whole number") }
                    if let given = tier.any(other), given != .null {
                        tier.fail(other, "counts only when tier_measure is \(settings.tierMeasure == .spend ? "points" : "spend")")
                    }
                    return LoyaltyTier(name: name ?? "", minimum: minimum ?? 0, multiplierHundredths: Self.factor(of: &tier) ?? 100)
                }
            }
        }
        if let window = body.integer("tier_window_days", in: 1...Int64(LoyaltyProgram.maximumDays)) { settings.tierWindowDays = Int(window) }
        if let grace = body.integer("tier_grace_days", in: days) { settings.tierGraceDays = Int(grace) }
        if let days = body.integer("reward_valid_days", in: 1...3650) { settings.rewardValidDays = Int(days) }
        if let rule = body.string("points_expire", maxLength: 32) {
            if let known = LoyaltyExpiryRule(rawValue: rule) { settings.expiryRule = known } else {
                body.fail("points_expire", "must be one of \(LoyaltyExpiryRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let days = body.integer("points_expire_after_days", in: 1...Int64(LoyaltyProgram.maximumDays)) { settings.expiryDays = Int(days) }
        // The bonuses are a group: any of them given sets all four (the others at their
        // defaults); none given keeps the programme's.
        let bonus = Int64(0)...LoyaltyBonuses.maximumPoints
        let review = body.integer("points_for_review", in: bonus)
        let verifiedOnly = body.bool("points_for_review_verified_only")
        let signUp = body.integer("points_for_sign_up", in: bonus)
        let birthday = body.integer("points_for_birthday", in: bonus)
        if review != nil || verifiedOnly != nil || signUp != nil || birthday != nil {
            settings.bonuses = LoyaltyBonuses(review: review ?? 0, reviewVerifiedOnly: verifiedOnly ?? true, signUp: signUp ?? 0, birthday: birthday ?? 0)
        }
        if let rewards = body.array("rewards") {
            settings.rewards = rewards.enumerated().compactMap { index, value in
                body.nested(value, at: "rewards[\(index)]") { reward in
                    let key = reward.requiredString("key", maxLength: 80)
                    let name = reward.requiredString("name", maxLength: 160)
                    let points = reward.integer("points", in: 1...1_000_000_000)
                    if points == nil, reward.errors.isEmpty { reward.fail("points", "is required: a whole number") }
                    let kindText = reward.requiredString("kind", maxLength: 32)
                    let kind = kindText.flatMap(LoyaltyRewardKind.init(rawValue:))
                    if kindText != nil, kind == nil {
                        reward.fail("kind", "must be one of \(LoyaltyRewardKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return LoyaltyReward(
                        key: key ?? "", name: name ?? "", points: points ?? 0, kind: kind ?? .freeShipping,
                        amount: reward.integer("amount", in: 1...100_000_000), currency: reward.string("currency", maxLength: 8),
                        percent: reward.integer("percent", in: 1...100).map(Int.init), sku: reward.string("sku", maxLength: 200))
                }
            }
        }
        if let multipliers = body.array("multipliers") {
            settings.multipliers = multipliers.enumerated().compactMap { index, value in
                body.nested(value, at: "multipliers[\(index)]") { multiplier in
                    let name = multiplier.requiredString("name", maxLength: 160)
                    let factor = Self.factor(of: &multiplier)
                    if factor == nil, multiplier.errors.isEmpty { multiplier.fail("multiplier", "is required: a number from 1 to 10") }
                    return LoyaltyMultiplier(
                        name: name ?? "", factorHundredths: factor ?? 100, category: multiplier.string("category", maxLength: 400),
                        startsAt: multiplier.date("starts_at"), endsAt: multiplier.date("ends_at"))
                }
            }
        }
        try body.finish()
        return settings
    }

    /// `"multiplier": 1.5` in hundredths; nil (a problem noted) for what is not a number from 1
    /// to 10 with at most two decimals, nil alone when left out.
    private static func factor(of reader: inout JSONObjectReader) -> Int64? {
        switch reader.any("multiplier") {
        case nil, .null: return nil
        case .number(let factor):
            if let hundredths = LoyaltyProgramSettings.hundredths(factor, in: 1...10) { return hundredths }
        default: break
        }
        reader.fail("multiplier", "must be a number from 1 to 10 with at most two decimals")
        return nil
    }
}
