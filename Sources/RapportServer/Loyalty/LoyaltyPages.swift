import Foundation
import Hummingbird
import RapportCore

/// `/loyalty`: the programme as a form (those who shape it change it; everyone signed in reads
/// it) with members, points owed and customers per tier; and the customer page's loyalty card
/// forms: spending points (`/customers/{id}/loyalty/redeem`) and giving or taking them by hand
/// (`/customers/{id}/loyalty/adjust`). Each goes through `LoyaltyService` (audited).
struct LoyaltyPages {
    let loyalty: LoyaltyService
    let customerPages: CustomerPages
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("loyalty", use: show)
        group.post("loyalty", requiring: .manageLoyalty, use: save)
        group.post("loyalty/rewards", requiring: .manageLoyalty, use: putReward)
        group.post("loyalty/rewards/remove", requiring: .manageLoyalty, use: removeReward)
        group.post("loyalty/multipliers", requiring: .manageLoyalty, use: addMultiplier)
        group.post("loyalty/multipliers/remove", requiring: .manageLoyalty, use: removeMultiplier)
        group.post("customers/:id/loyalty/redeem", requiring: .redeemPoints, use: redeem)
        group.post("customers/:id/loyalty/adjust", requiring: .adjustPoints, use: adjust)
        group.post("customers/:id/loyalty/reward", requiring: .redeemPoints, use: reward)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try pages.render("loyalty", context, title: "Loyalty", section: "loyalty", view: try await view(request, context))
    }

    /// The page as the programme stands.
    private func view(_ request: Request, _ context: SignedInRequestContext) async throws -> LoyaltyPageView {
        let found = try await loyalty.totals(as: context.actor)
        let program = found?.program
        let settings = LoyaltyProgramSettings()
        var view = LoyaltyPageView(
            exists: program != nil, mayManage: context.actor.may(.manageLoyalty), enabled: program?.enabled ?? settings.enabled,
            earnPerCurrencyUnit: Self.rate(program?.earnPerCurrencyUnit ?? settings.earnPerCurrencyUnit),
            earnOptions: Self.earnOptions(program?.earningBase ?? settings.earningBase),
            pointsPerOrder: String(program?.pointsPerOrder ?? settings.pointsPerOrder),
            pendingDays: String(program?.pendingDays ?? settings.pendingDays),
            assumedDeliveryDays: String(program?.assumedDeliveryDays ?? settings.assumedDeliveryDays),
            ordersPlacedFrom: program?.ordersPlacedFrom.map(Self.day) ?? "",
            tiersText: LoyaltyProgramForm.text(of: program?.tiers ?? [], currency: program?.tierMeasure == .spend ? program?.tierCurrency : nil),
            expiryOptions: Self.expiryOptions(program?.expiryRule ?? settings.expiryRule),
            expiryDays: String(program?.expiryDays ?? settings.expiryDays),
            startedAt: program.map { WebFormat.day($0.startedAt) }, totals: found.map(Self.totals),
            saved: request.uri.queryParameters["saved"] == "1")
        view.offerSaved = request.uri.queryParameters["saved"] == "offer"
        view.tierMeasureOptions = Self.tierMeasureOptions(program?.tierMeasure ?? settings.tierMeasure)
        view.tiersShown = view.tiersText
        view.tiersShownMeasure = (program?.tierMeasure ?? settings.tierMeasure).rawValue
        view.tiersShownCurrency = program?.tierCurrency ?? ""
        if let program {
            Self.showRewards(program, on: &view)
            view.tierWindowDays = program.tierWindowDays.map(String.init) ?? ""
            view.tierGraceDays = String(program.tierGraceDays)
            view.tierCurrency = program.tierCurrency ?? ""
            view.pointsForReview = String(program.bonuses.review)
            view.pointsForReviewVerifiedOnly = program.bonuses.reviewVerifiedOnly
            view.pointsForSignUp = String(program.bonuses.signUp)
            view.pointsForBirthday = String(program.bonuses.birthday)
        }
        return view
    }

    /// `key`, `name`, `points`, `kind` and what the kind needs: a new reward, or a change of the
    /// one with that key.
    @Sendable func putReward(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let typed = try await WebForm.read(request, context: context).decode(LoyaltyRewardForm.self)
        return try await changeOffers(request, context, keep: { $0.rewardDraft = LoyaltyPageView.RewardDraft(typed) }, shownIn: \.rewardErrors) {
            _ = try await loyalty.putReward(try typed.reward().get(), as: context.actor)
        }
    }

    /// `key`: the reward to remove.
    @Sendable func removeReward(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let key = try await WebForm.read(request, context: context)["key"] ?? ""
        return try await changeOffers(request, context, keep: { _ in }, shownIn: \.rewardErrors) {
            _ = try await loyalty.removeReward(key: key, as: context.actor)
        }
    }

    /// `name`, `multiplier`, `category`, `starts_at`, `ends_at`: a new multiplier.
    @Sendable func addMultiplier(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let typed = try await WebForm.read(request, context: context).decode(LoyaltyMultiplierForm.self)
        return try await changeOffers(request, context, keep: { $0.multiplierDraft = LoyaltyPageView.MultiplierDraft(typed) }, shownIn: \.multiplierErrors) {
            _ = try await loyalty.addMultiplier(try typed.multiplierSetting().get(), as: context.actor)
        }
    }

    /// `index` (as listed, from 0) and `name`: the multiplier to remove.
    @Sendable func removeMultiplier(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        return try await changeOffers(request, context, keep: { _ in }, shownIn: \.multiplierErrors) {
            guard let index = form["index"].flatMap({ Int($0) }) else { throw RapportError.invalid(field: "index", "must be a whole number") }
            _ = try await loyalty.removeMultiplier(at: index, named: form["name"] ?? "", as: context.actor)
        }
    }

    /// Runs a change of the rewards or multipliers and goes back to the page; a refused one is
    /// shown in its card (`shownIn`), with what was typed put back by `keep`.
    private func changeOffers(
        _ request: Request, _ context: SignedInRequestContext, keep: (inout LoyaltyPageView) -> Void,
        shownIn errors: WritableKeyPath<LoyaltyPageView, [String]>, _ action: () async throws -> Void
    ) async throws -> Response {
        let messages: [String]
        let status: HTTPResponse.Status
        do {
            try await action()
            return WebRedirect.to("/loyalty?saved=offer")
        } catch RapportError.invalid(let problems) {
            // The card names the thing: "Points must …", not "Reward.points must …".
            messages = problems.map { problem in
                var field = problem.field
                for prefix in ["reward.", "multiplier."] where field.hasPrefix(prefix) { field = String(field.dropFirst(prefix.count)) }
                return WebFormat.problem(FieldError(field: field, message: problem.message))
            }
            status = .unprocessableContent
        } catch RapportError.conflict(let message) {
            (messages, status) = ([message], .conflict)
        } catch RapportError.notFound(let message) {
            (messages, status) = ([message], .notFound)
        }
        var view = try await view(request, context)
        view[keyPath: errors] = messages
        keep(&view)
        return try pages.render("loyalty", context, title: "Loyalty", section: "loyalty", view: view, status: status)
    }

    /// The whole programme as the form says; a refused one is shown again with what was typed.
    @Sendable func save(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let typed = try form.decode(LoyaltyProgramForm.self)
        do {
            // The form has no rewards: left out, the programme keeps those set through the API.
            _ = try await loyalty.setProgram(try typed.settings().get(), as: context.actor)
            return WebRedirect.to("/loyalty?saved=1")
        } catch RapportError.invalid(let problems) {
            let found = try await loyalty.totals(as: context.actor)
            var view = LoyaltyPageView(
                exists: found != nil, mayManage: true, enabled: typed.enabled, earnPerCurrencyUnit: typed.earnPerCurrencyUnit ?? "",
                earnOptions: Self.earnOptions(LoyaltyEarningBase(rawValue: typed.earnOn ?? "") ?? .total),
                pointsPerOrder: typed.pointsPerOrder ?? "", pendingDays: typed.pendingDays ?? "", assumedDeliveryDays: typed.assumedDeliveryDays ?? "",
                ordersPlacedFrom: typed.ordersPlacedFrom ?? "", tiersText: typed.tiers ?? "",
                expiryOptions: Self.expiryOptions(LoyaltyExpiryRule(rawValue: typed.pointsExpire ?? "") ?? .never),
                expiryDays: typed.pointsExpireAfterDays ?? "",
                startedAt: found.map { WebFormat.day($0.program.startedAt) }, totals: found.map(Self.totals), saved: false)
            (view.tierWindowDays, view.tierGraceDays) = (typed.tierWindowDays ?? "", typed.tierGraceDays ?? "")
            view.tierMeasureOptions = Self.tierMeasureOptions(LoyaltyTierMeasure(rawValue: typed.tierMeasure ?? "") ?? .points)
            view.tierCurrency = typed.tierCurrency ?? ""
            (view.tiersShown, view.tiersShownMeasure, view.tiersShownCurrency) = (
                typed.tiersShown ?? "", typed.tiersShownMeasure ?? LoyaltyTierMeasure.points.rawValue, typed.tiersShownCurrency ?? ""
            )
            view.errors = problems.map(WebFormat.problem)
            view.hasErrors = true
            view.pointsForReview = typed.pointsForReview ?? ""
            view.pointsForReviewVerifiedOnly = typed.pointsForReviewVerifiedOnly ?? false
            view.pointsForSignUp = typed.pointsForSignUp ?? ""
            view.pointsForBirthday = typed.pointsForBirthday ?? ""
            if let program = found?.program { Self.showRewards(program, on: &view) }
            return try pages.render("loyalty", context, title: "Loyalty", section: "loyalty", view: view, status: .unprocessableContent)
        }
    }

    /// `points` (and an optional `reason`) spent from the customer's usable balance.
    @Sendable func redeem(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .customer, "customer")
        let form = try await WebForm.read(request, context: context)
        let reason = form["reason"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return try await change(request, context: context, id: id, keep: { $0.redeemDraft = form["points"]; $0.reasonDraft = reason }) {
            _ = try await loyalty.redeem(customerID: id, points: try Self.points(form["points"]), reason: reason, as: context.actor)
        }
    }

    /// `points` (negative takes them) and the `reason`, required.
    @Sendable func adjust(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .customer, "customer")
        let form = try await WebForm.read(request, context: context)
        return try await change(request, context: context, id: id, keep: { $0.adjustDraft = form["points"]; $0.reasonDraft = form["reason"] }) {
            _ = try await loyalty.adjust(customerID: id, points: try Self.points(form["points"]), reason: form["reason"] ?? "", as: context.actor)
        }
    }

    /// `reward`: the key of the reward whose code the customer takes for their points.
    @Sendable func reward(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .customer, "customer")
        let form = try await WebForm.read(request, context: context)
        return try await change(request, context: context, id: id, keep: { _ in }) {
            _ = try await loyalty.issueReward(customerID: id, rewardKey: form["reward"] ?? "", as: context.actor)
        }
    }

    // MARK: Helpers

    /// Runs a change of the customer's points and goes back to their loyalty card; a refused one
    /// (not a whole number, beyond the balance, no reason) is shown on the card, with what was
    /// typed put back by `keep`.
    private func change(
        _ request: Request, context: SignedInRequestContext, id: String, keep: @escaping (inout CustomerLoyaltyView) -> Void,
        _ action: () async throws -> Void
    ) async throws -> Response {
        guard try await loyalty.program(as: context.actor) != nil else {
            return try pages.error(
                context, status: .conflict, title: "No loyalty programme",
                message: "Start the programme on the loyalty page before points are given or spent here.")
        }
        let message: String
        let status: HTTPResponse.Status
        do {
            try await action()
            return WebRedirect.to("/customers/\(id)#loyalty")
        } catch RapportError.invalid(let problems) {
            (message, status) = (problems.map(WebFormat.problem).joined(separator: " "), .unprocessableContent)
        } catch RapportError.conflict(let text) {
            (message, status) = (text, .conflict)
        }
        return try await customerPages.render(request, context: context, id: id, status: status) { view in
            guard var card = view.loyalty else { return }
            card.error = message
            keep(&card)
            view.loyalty = card
        }
    }

    /// The points as typed; the service checks the range (`Int64.min` included: no `abs` that could trap).
    private static func points(_ text: String?) throws -> Int64 {
        guard let points = text.flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw RapportError.invalid(field: "points", "must be a whole number")
        }
        return points
    }

    private static func totals(_ found: (program: LoyaltyProgram, totals: LoyaltyTotals)) -> LoyaltyPageView.Totals {
        let response = LoyaltyTotalsResponse(program: found.program, totals: found.totals)
        return LoyaltyPageView.Totals(
            members: response.members, usable: String(response.usablePoints), pending: String(response.pendingPoints),
            belowZero: response.belowZero,
            tiers: response.tiers.map { tier in
                let minimum = tier.minimumSpend.map { MoneyText.format($0, found.program.tierCurrency ?? "") } ?? String(tier.minimumPoints ?? 0)
                return LoyaltyPageView.Totals.Tier(name: tier.name, minimum: minimum, customers: tier.customers)
            },
            hasTiers: !response.tiers.isEmpty)
    }

    /// What a multiplier covers, in words: `lines in Coffee, orders placed from 2026-11-27 00:00 UTC until …`.
    private static func applies(_ multiplier: LoyaltyMultiplier) -> String {
        var parts: [String] = [multiplier.category.map { "lines in \($0)" } ?? "every line"]
        switch (multiplier.startsAt, multiplier.endsAt) {
        case (let start?, let end?): parts.append("orders placed from \(WebFormat.time(start)) until \(WebFormat.time(end))")
        case (let start?, nil): parts.append("orders placed from \(WebFormat.time(start))")
        case (nil, let end?): parts.append("orders placed until \(WebFormat.time(end))")
        case (nil, nil): break
        }
        return parts.joined(separator: ", ")
    }

    private static func showRewards(_ program: LoyaltyProgram, on view: inout LoyaltyPageView) {
        view.rewards = program.rewards.map { LoyaltyPageView.Reward(key: $0.key, name: $0.name, points: $0.points, gives: Self.gives($0)) }
        view.hasRewards = !program.rewards.isEmpty
        view.multipliers = program.multipliers.enumerated().map { index, multiplier in
            LoyaltyPageView.Multiplier(
                index: index, name: multiplier.name, factor: "×" + LoyaltyProgram.factorWording(multiplier.factorHundredths),
                applies: Self.applies(multiplier))
        }
        view.hasMultipliers = !program.multipliers.isEmpty
        view.rewardValidDays = program.rewardValidDays
    }

    /// What the reward's code gives, in words.
    private static func gives(_ reward: LoyaltyReward) -> String {
        switch reward.kind {
        case .amountOff: WebFormat.money(reward.amount ?? 0, reward.currency ?? "") + " off"
        case .percentOff: "\(reward.percent ?? 0)% off"
        case .freeShipping: "free shipping"
        case .product: "the product \(reward.sku ?? "") free"
        }
    }

    private static func earnOptions(_ selected: LoyaltyEarningBase) -> [ChoiceView] {
        [ChoiceView(value: LoyaltyEarningBase.total.rawValue, label: "the order's total (what the customer paid)", selected: selected == .total),
         ChoiceView(value: LoyaltyEarningBase.subtotal.rawValue, label: "the goods after discounts (no shipping or tax)", selected: selected == .subtotal)]
    }

    private static func tierMeasureOptions(_ selected: LoyaltyTierMeasure) -> [ChoiceView] {
        [ChoiceView(value: LoyaltyTierMeasure.points.rawValue, label: "the points their orders earned and kept", selected: selected == .points),
         ChoiceView(value: LoyaltyTierMeasure.spend.rawValue, label: "what they spent and kept, in the currency below", selected: selected == .spend)]
    }

    private static func expiryOptions(_ selected: LoyaltyExpiryRule) -> [ChoiceView] {
        [(LoyaltyExpiryRule.never, "never"), (.afterDays, "the number of days below after they become usable"),
         (.endOfYear, "at the end of the year they become usable in"), (.endOfNextYear, "at the end of the year after that")]
            .map { rule, label in ChoiceView(value: rule.rawValue, label: label, selected: selected == rule) }
    }

    /// `1`, `0.5`, `0.29`: no trailing zeros.
    private static func rate(_ value: Double) -> String {
        value.rounded() == value ? String(Int64(value)) : String(format: "%.2f", value).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }

    private static func day(_ date: Date) -> String {
        String(WebFormat.iso(date).prefix(10))
    }
}
