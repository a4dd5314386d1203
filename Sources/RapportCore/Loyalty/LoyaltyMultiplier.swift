import Foundation

/// A promotion of the programme that multiplies what orders earn: for the lines of a product
/// category (`Coffee` earns double), for orders placed in a period (a Black Friday weekend), or
/// both. Only the points per currency unit are multiplied, not the points every order earns.
public struct LoyaltyMultiplier: Sendable, Equatable, Codable {
    /// Shown in the reason of the entries it raised (`Order 1001: 40.00 EUR, Black Friday ×2`).
    public var name: String
    /// In hundredths: 200 doubles, 150 is one and a half times.
    public var factorHundredths: Int64
    /// Only the lines of products in this category (compared without case); nil: every line.
    public var category: String?
    /// Only orders placed from this moment; nil: from any moment.
    public var startsAt: Date?
    /// Only orders placed before this moment; nil: with no end.
    public var endsAt: Date?

    public static let maximumMultipliers = 20
    /// Hundredths: from 1 to 10 times.
    public static let factorRange: ClosedRange<Int64> = 100...1_000

    public init(name: String, factorHundredths: Int64, category: String? = nil, startsAt: Date? = nil, endsAt: Date? = nil) {
        self.name = name
        self.factorHundredths = factorHundredths
        self.category = category
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// Whether an order placed then is in the multiplier's period.
    public func covers(placedAt: Date) -> Bool {
        if let startsAt, placedAt < startsAt { return false }
        if let endsAt, placedAt >= endsAt { return false }
        return true
    }

    /// Whether a line of a product in these categories counts (every line when the multiplier
    /// names no category).
    public func matches(categories: [String]) -> Bool {
        guard let category else { return true }
        return categories.contains { $0.trimmed.caseInsensitiveCompare(category) == .orderedSame }
    }

    /// The multiplier trimmed, or the first of its fields that is wrong (`field` names it).
    func checked(field: String) throws -> LoyaltyMultiplier {
        var checked = self
        checked.name = name.trimmed
        guard !checked.name.isEmpty, checked.name.unicodeScalars.count <= 80 else {
            throw RapportError.invalid(field: "\(field).name", "must be 1 to 80 characters")
        }
        guard Self.factorRange.contains(factorHundredths) else {
            throw RapportError.invalid(field: "\(field).multiplier", "must be a number from 1 to 10 with at most two decimals")
        }
        checked.category = category?.trimmed
        if let category = checked.category, category.isEmpty || category.unicodeScalars.count > 200 {
            throw RapportError.invalid(field: "\(field).category", "must be 1 to 200 characters, or left out for every line")
        }
        if let startsAt, let endsAt, endsAt <= startsAt {
            throw RapportError.invalid(field: "\(field).ends_at", "must come after starts_at")
        }
        guard checked.category != nil || startsAt != nil || endsAt != nil else {
            throw RapportError.invalid(field: field, "must name a category, a period (starts_at, ends_at) or both; to raise every order's points, raise earn_per_currency_unit")
        }
        return checked
    }
}
