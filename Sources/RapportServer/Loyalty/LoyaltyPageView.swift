import RapportCore

/// The loyalty page (`loyalty`): the programme as a form (read-only for those who may not
/// change it) and the programme at a glance — members, points owed, customers per tier.
struct LoyaltyPageView: TemplateView {
    struct Totals: TemplateView {
        struct Tier: TemplateView {
            let name: String
            let minimum: String
            let customers: Int
        }

        let members: Int
        let usable: String
        let pending: String
        let belowZero: Int
        let tiers: [Tier]
        let hasTiers: Bool
    }

    /// A reward of the programme as the page lists it.
    struct Reward: TemplateView {
        let key: String
        let name: String
        let points: Int64
        let gives: String
    }

    /// A multiplier of the programme as the page lists it; `index` (from 0) names it for removal.
    struct Multiplier: TemplateView {
        let index: Int
        let name: String
        let factor: String
        let applies: String
    }

    /// The form for a reward: empty, or as typed when it was refused.
    struct RewardDraft: TemplateView {
        var key = ""
        var name = ""
        var points = ""
        var kindOptions: [ChoiceView]
        var amount = ""
        var currency = ""
        var percent = ""
        var sku = ""

        init(_ typed: LoyaltyRewardForm? = nil) {
            let kind = typed?.kind ?? LoyaltyRewardKind.amountOff.rawValue
            kindOptions = [
                (LoyaltyRewardKind.amountOff, "an amount off"), (.percentOff, "a percentage off"), (.freeShipping, "free shipping"),
                (.product, "a product free"),
            ].map { ChoiceView(value: $0.rawValue, label: $1, selected: $0.rawValue == kind) }
            guard let typed else { return }
            (key, name, points) = (typed.key ?? "", typed.name ?? "", typed.points ?? "")
            (amount, currency, percent, sku) = (typed.amount ?? "", typed.currency ?? "", typed.percent ?? "", typed.sku ?? "")
        }
    }

    /// The form for a multiplier: empty, or as typed when it was refused.
    struct MultiplierDraft: TemplateView {
        var name = ""
        var multiplier = ""
        var category = ""
        var startsAt = ""
        var endsAt = ""

        init(_ typed: LoyaltyMultiplierForm? = nil) {
            guard let typed else { return }
            (name, multiplier, category) = (typed.name ?? "", typed.multiplier ?? "", typed.category ?? "")
            (startsAt, endsAt) = (typed.startsAt ?? "", typed.endsAt ?? "")
        }
    }

    var rewardDraft = RewardDraft()
    var multiplierDraft = MultiplierDraft()
    /// Why the last change of a reward or a multiplier was refused, shown in its card.
    var rewardErrors: [String] = []
    var multiplierErrors: [String] = []
    /// A reward or multiplier was just saved or removed.
    var offerSaved = false
    var multipliers: [Multiplier] = []
    var hasMultipliers = false
    var rewards: [Reward] = []
    var hasRewards = false
    var rewardValidDays = 0
    let exists: Bool
    let mayManage: Bool
    var enabled: Bool
    var earnPerCurrencyUnit: String
    var earnOptions: [ChoiceView]
    var pointsPerOrder: String
    var pendingDays: String
    var assumedDeliveryDays: String
    /// `yyyy-mm-dd`, empty for none.
    var ordersPlacedFrom: String
    /// One tier a line: `Silver: 500`, `Gold: 2000 ×1.5` (amounts when the tiers count spend).
    var tiersText: String
    /// What the tiers count (points or spend) and the currency of spend.
    var tierMeasureOptions = [ChoiceView]()
    var tierCurrency = ""
    /// What the tiers' text was first shown as, sent back hidden (`LoyaltyProgramForm.tiersShown`).
    var tiersShown = ""
    var tiersShownMeasure = LoyaltyTierMeasure.points.rawValue
    var tiersShownCurrency = ""
    /// Days the tiers count, empty for every order; days of grace.
    var tierWindowDays = ""
    var tierGraceDays = "0"
    var expiryOptions: [ChoiceView]
    var expiryDays: String
    /// The bonuses' fields, as stored or as typed.
    var pointsForReview = "0"
    var pointsForReviewVerifiedOnly = true
    var pointsForSignUp = "0"
    var pointsForBirthday = "0"
    let startedAt: String?
    let totals: Totals?
    let saved: Bool
    var errors: [String] = []
    var hasErrors = false
}
