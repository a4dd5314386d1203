/// Points a programme gives for something other than an order: a published review, a confirmed
/// sign-up, a birthday. Each is given once (per review, per customer, per customer and year)
/// and is usable at once: nothing about it can be returned.
public struct LoyaltyBonuses: Sendable, Equatable, Codable {
    /// For a review once it is published (approved); taken back if it is rejected after that.
    public var review: Int64 = 0
    /// Only a verified buyer's review earns (on by default: points for any review invite
    /// reviews of things never bought).
    public var reviewVerifiedOnly = true
    /// For the first confirmed sign-up (the double opt-in) of a customer.
    public var signUp: Int64 = 0
    /// On the customer's birthday (the `birthday` attribute), once a year.
    public var birthday: Int64 = 0

    public static let maximumPoints: Int64 = 1_000_000

    public init(review: Int64 = 0, reviewVerifiedOnly: Bool = true, signUp: Int64 = 0, birthday: Int64 = 0) {
        self.review = review
        self.reviewVerifiedOnly = reviewVerifiedOnly
        self.signUp = signUp
        self.birthday = birthday
    }

    /// Fields a programme was stored without (a later version's) take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        review = try container.decodeIfPresent(Int64.self, forKey: .review) ?? 0
        reviewVerifiedOnly = try container.decodeIfPresent(Bool.self, forKey: .reviewVerifiedOnly) ?? true
        signUp = try container.decodeIfPresent(Int64.self, forKey: .signUp) ?? 0
        birthday = try container.decodeIfPresent(Int64.self, forKey: .birthday) ?? 0
    }

    /// The first field out of bounds, as the API names it.
    func problem() -> FieldError? {
        for (field, points) in [("points_for_review", review), ("points_for_sign_up", signUp), ("points_for_birthday", birthday)]
        where !(0...Self.maximumPoints).contains(points) {
            return FieldError(field: field, message: "must be a whole number from 0 to \(Self.maximumPoints)")
        }
        return nil
    }
}
