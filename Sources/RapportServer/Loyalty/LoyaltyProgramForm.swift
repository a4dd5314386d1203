import Foundation
import RapportCore

/// The loyalty page's form as typed, read into the programme's settings. Numbers are read by
/// hand so that each field that does not parse is named, and the tiers are one a line
/// (`Silver: 500`, `Gold 2000 ×1.5`).
struct LoyaltyProgramForm: Decodable {
    var enabled: Bool
    var earnPerCurrencyUnit: String?
    var earnOn: String?
    var pointsPerOrder: String?
    var pendingDays: String?
    var assumedDeliveryDays: String?
    var ordersPlacedFrom: String?
    var tiers: String?
    var tierWindowDays: String?
    var tierGraceDays: String?
    var pointsExpire: String?
    var pointsExpireAfterDays: String?
    var pointsForReview: String?
    var pointsForReviewVerifiedOnly: Bool?
    var pointsForSignUp: String?
    var pointsForBirthday: String?

    /// The settings, or every problem found (field and message).
    func settings() -> Result<LoyaltyProgramSettings, RapportError> {
        var settings = LoyaltyProgramSettings()
        var problems: [FieldError] = []
        settings.enabled = enabled
        if let text = earnPerCurrencyUnit {
            if let rate = Double(text.replacingOccurrences(of: ",", with: ".")), rate.isFinite { settings.earnPerCurrencyUnit = rate } else {
                problems.append(FieldError(field: "earn_per_currency_unit", message: "must be a number, such as 1 or 0.5"))
            }
        }
        if let text = earnOn {
            if let base = LoyaltyEarningBase(rawValue: text) { settings.earningBase = base } else {
                problems.append(FieldError(field: "earn_on", message: "must be total or subtotal"))
            }
        }
        if let text = pointsPerOrder {
            if let points = Int64(text) { settings.pointsPerOrder = points } else {
                problems.append(FieldError(field: "points_per_order", message: "must be a whole number"))
            }
        }
        if let text = pendingDays {
            if let days = Int(text) { settings.pendingDays = days } else { problems.append(Self.notDays("pending_days")) }
        }
        if let text = assumedDeliveryDays {
            if let days = Int(text) { settings.assumedDeliveryDays = days } else { problems.append(Self.notDays("assumed_delivery_days")) }
        }
        if let text = ordersPlacedFrom {
            if let day = Self.day(text) { settings.ordersPlacedFrom = day } else {
                problems.append(FieldError(field: "orders_placed_from", message: "must be a date (yyyy-mm-dd)"))
            }
        }
        if let text = tierWindowDays, !text.isEmpty {
            if let days = Int(text) { settings.tierWindowDays = days } else { problems.append(Self.notDays("tier_window_days")) }
        }
        // Grace counts only with a window: clearing the window clears it too.
        if let text = tierGraceDays, !text.isEmpty, tierWindowDays?.isEmpty == false {
            if let days = Int(text) { settings.tierGraceDays = days } else { problems.append(Self.notDays("tier_grace_days")) }
        }
        if let text = pointsExpire {
            if let rule = LoyaltyExpiryRule(rawValue: text) { settings.expiryRule = rule } else {
                problems.append(FieldError(field: "points_expire", message: "must be one of the choices"))
            }
        }
        if let text = pointsExpireAfterDays, !text.isEmpty {
            if let days = Int(text) { settings.expiryDays = days } else { problems.append(Self.notDays("points_expire_after_days")) }
        }
        var bonuses = LoyaltyBonuses(reviewVerifiedOnly: pointsForReviewVerifiedOnly ?? false)
        for (field, text, keyPath) in [
            ("points_for_review", pointsForReview, \LoyaltyBonuses.review), ("points_for_sign_up", pointsForSignUp, \LoyaltyBonuses.signUp),
            ("points_for_birthday", pointsForBirthday, \LoyaltyBonuses.birthday),
        ] {
            guard let text, !text.isEmpty else { continue }
            if let points = Int64(text) { bonuses[keyPath: keyPath] = points } else {
                problems.append(FieldError(field: field, message: "must be a whole number"))
            }
        }
        settings.bonuses = bonuses
        if let problem = Self.tierProblem(tiers ?? "") { problems.append(problem) } else { settings.tiers = Self.tierList(tiers ?? "") }
        return problems.isEmpty ? .success(settings) : .failure(.invalid(problems))
    }

    /// The tiers as the page shows them, one a line.
    static func text(of tiers: [LoyaltyTier]) -> String {
        tiers.map { tier in
            let factor = tier.multiplierHundredths == 100 ? "" : " ×" + LoyaltyProgram.factorWording(tier.multiplierHundredths)
            return "\(tier.name): \(tier.minimumPoints)\(factor)"
        }.joined(separator: "\n")
    }

    /// `Name: 500`, `Name 500` or `Name: 1,000` a line; blank lines are skipped, a line that is
    /// neither is left out (`tierProblem` names it).
    static func tierList(_ text: String) -> [LoyaltyTier] {
        lines(text).compactMap(tier)
    }

    /// The first line of the text that is not a tier, numbered as the person sees it.
    static func tierProblem(_ text: String) -> FieldError? {
        for (number, line) in lines(text).enumerated() where !line.allSatisfy(\.isWhitespace) && tier(line) == nil {
            return FieldError(field: "tiers", message: "line \(number + 1) must be a name and its minimum points, as Silver: 500 (or Gold: 2000 ×1.5)")
        }
        return nil
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// The line's tier; nil for one that is not (or is blank). With a colon, the name is what
    /// comes before the last one (`Tier 2: 500`); without, the number is at the end and the name
    /// must not end in a digit (`Level 2 500` could be 2,500 or level 2 at 500: the colon says).
    /// A line ending in a multiplier is read without it first; when that is no tier, whole (a
    /// name such as `Club X 500`).
    private static func tier(_ whole: Substring) -> LoyaltyTier? {
        let trimmed = whole.trimmingCharacters(in: .whitespaces)
        let (line, multiplier) = multiplier(of: trimmed)
        if multiplier != nil, let tier = tier(line, multiplier: multiplier) { return tier }
        return tier(trimmed, multiplier: nil)
    }

    private static func tier(_ line: String, multiplier: Int64?) -> LoyaltyTier? {
        let name: String
        let number: String
        if let colon = line.lastIndex(of: ":") {
            name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            number = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        } else {
            let tail = line.reversed().prefix { ($0.isASCII && $0.isNumber) || ",.'’".contains($0) }
            name = String(line.dropLast(tail.count)).trimmingCharacters(in: .whitespaces)
            number = String(tail.reversed())
            guard let end = name.last, !end.isNumber else { return nil }
        }
        guard !name.isEmpty, let minimum = points(number) else { return nil }
        return LoyaltyTier(name: name, minimumPoints: minimum, multiplierHundredths: multiplier ?? 100)
    }

    /// The line without its ending multiplier (` ×1.5`, ` x2`, ` x 1,25`) and the multiplier in
    /// hundredths; the line whole and nil when it ends in none. A factor beyond 10 is read as
    /// typed, and one with more than two decimals as -1, for the programme's rules to name.
    private static func multiplier(of line: String) -> (line: String, hundredths: Int64?) {
        guard let sign = line.lastIndex(where: { "×xX".contains($0) }), sign > line.startIndex,
            line[line.index(before: sign)].isWhitespace
        else { return (line, nil) }
        let number = line[line.index(after: sign)...].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !number.isEmpty, number.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), let factor = Double(number) else {
            return (line, nil)
        }
        return (String(line[..<sign]).trimmingCharacters(in: .whitespaces), LoyaltyProgramSettings.hundredths(factor, in: 0...1_000_000) ?? -1)
    }

    /// `500`, `1,000`, `1.000`, `1 000`, `1'000`: digits, in groups of three after the first
    /// when separated (`1,5` is a decimal, not points); nil otherwise.
    private static func points(_ text: String) -> Int64? {
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { ",.'’ \u{00A0}\u{202F}".contains($0) })
        guard let first = groups.first, !first.isEmpty, groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Int64(groups.joined())
    }

    private static func notDays(_ field: String) -> FieldError {
        FieldError(field: field, message: "must be a whole number of days")
    }

    private static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
