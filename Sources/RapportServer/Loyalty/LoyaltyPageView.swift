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

    /// A multiplier of the programme as the page lists it.
    struct Multiplier: TemplateView {
        let name: String
        let factor: String
        let applies: String
    }

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
    /// One tier a line: `Silver: 500`, `Gold: 2000 ×1.5`.
    var tiersText: String
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
