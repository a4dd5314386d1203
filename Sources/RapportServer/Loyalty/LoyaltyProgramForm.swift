import Foundation
import RapportCore

/// The loyalty page's form as typed, read into the programme's settings. Numbers are read by
/// hand so that each field that does not parse is named, and the tiers are one a line
/// (`Silver: 500`, `Gold 2000 ×1.5`; amounts when the tiers count spend).
struct LoyaltyProgramForm: Decodable {
    var enabled: Bool
    var earnPerCurrencyUnit: String?
    var earnOn: String?
    var pointsPerOrder: String?
    var pendingDays: String?
    var assumedDeliveryDays: String?
    var ordersPlacedFrom: String?
    var tiers: String?
    /// `points` or `spend`; with spend the tiers' numbers are amounts of `tierCurrency`.
    var tierMeasure: String?
    var tierCurrency: String?
    /// What the tiers' text was shown as (hidden fields): a change of measure or currency with
    /// the same text would read every number anew (`Gold: 2000` points as 2,000.00 EUR).
    var tiersShown: String?
    var tiersShownMeasure: String?
    var tiersShownCurrency: String?
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
        if let text = tierMeasure {
            if let measure = LoyaltyTierMeasure(rawValue: text) { settings.tierMeasure = measure } else {
                problems.append(FieldError(field: "tier_measure", message: "must be points or spend"))
            }
        }
        // The currency counts only with spend (left in its field when switching to points, it is dropped).
        var currency: String?
        if settings.tierMeasure == .spend {
            currency = tierCurrency.flatMap(Currency.normalized)
            settings.tierCurrency = currency
            if currency == nil {
                problems.append(FieldError(field: "tier_currency", message: "is required when tiers count spend: a currency code such as EUR"))
            }
        }
        if let shownMeasure = tiersShownMeasure, let text = tiers, !text.allSatisfy(\.isWhitespace), Self.lines(text).map(Self.trimmed) == Self.lines(tiersShown ?? "").map(Self.trimmed),
            shownMeasure != settings.tierMeasure.rawValue || (settings.tierMeasure == .spend && tiersShownCurrency != currency)
        {
            let unit = currency.map { "amounts of \($0)" } ?? "points"
            problems.append(FieldError(field: "tiers", message: "must be typed again as \(unit): they were shown in another measure or currency"))
        } else if settings.tierMeasure == .points || currency != nil {
            if let problem = Self.tierProblem(tiers ?? "", currency: currency) { problems.append(problem) } else {
                settings.tiers = Self.tierList(tiers ?? "", currency: currency)
            }
        }
        return problems.isEmpty ? .success(settings) : .failure(.invalid(problems))
    }

    /// The tiers as the page shows them, one a line: their points, or with `currency` (tiers
    /// counting spend) their amounts in its major units (`Gold: 500`, `Gold: 499.50`).
    static func text(of tiers: [LoyaltyTier], currency: String? = nil) -> String {
        tiers.map { tier in
            let factor = tier.multiplierHundredths == 100 ? "" : " ×" + LoyaltyProgram.factorWording(tier.multiplierHundredths)
            return "\(tier.name): \(currency.map { major(tier.minimum, currency: $0) } ?? String(tier.minimum))\(factor)"
        }.joined(separator: "\n")
    }

    /// `name: number` a line (or `Name 500`, `Name: 1,000` for points); blank lines are skipped,
    /// a line that is neither is left out (`tierProblem` names it). With `currency` the numbers
    /// are amounts in its major units, exactly (`499.50`; no thousands separator).
    static func tierList(_ text: String, currency: String? = nil) -> [LoyaltyTier] {
        lines(text).compactMap { tier($0, currency: currency) }
    }

    /// The first line of the text that is not a tier, numbered as the person sees it.
    static func tierProblem(_ text: String, currency: String? = nil) -> FieldError? {
        for (number, line) in lines(text).enumerated() where !line.allSatisfy(\.isWhitespace) && tier(line, currency: currency) == nil {
            let example = currency.map { "an amount in \($0), as Silver: 500 (or Gold: 2000 ×1.5), with no thousands separator" }
                ?? "its minimum points, as Silver: 500 (or Gold: 2000 ×1.5), up to 1000000000"
            return FieldError(field: "tiers", message: "line \(number + 1) must be a name and \(example)")
        }
        return nil
    }

    /// Minor units in the currency's major units, as few decimals as it takes: `500`, `499.50`.
    private static func major(_ minor: Int64, currency: String) -> String {
        var scale: Int64 = 1
        for _ in 0..<Currency.minorDigits(currency) { scale *= 10 }
        guard minor % scale != 0 else { return String(minor / scale) }
        return MoneyText.format(minor, currency).split(separator: " ").first.map(String.init) ?? String(minor)
    }

    private static func trimmed(_ line: Substring) -> String {
        line.trimmingCharacters(in: .whitespaces)
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// The line's tier; nil for one that is not (or is blank). With a colon, the name is what
    /// comes before the last one (`Tier 2: 500`); without, the number is at the end and the name
    /// must not end in a digit (`Level 2 500` could be 2,500 or level 2 at 500: the colon says).
    /// A line ending in a multiplier is read without it first; when that is no tier, whole (a
    /// name such as `Club X 500`).
    private static func tier(_ whole: Substring, currency: String?) -> LoyaltyTier? {
        let trimmed = whole.trimmingCharacters(in: .whitespaces)
        let (line, multiplier) = multiplier(of: trimmed)
        if multiplier != nil, let tier = tier(line, multiplier: multiplier, currency: currency) { return tier }
        return tier(trimmed, multiplier: nil, currency: currency)
    }

    private static func tier(_ line: String, multiplier: Int64?, currency: String?) -> LoyaltyTier? {
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
        let minimum: Int64? = if let currency { LoyaltyRewardForm.minorUnits(number, currency: currency) } else { points(number) }
        let range = (currency == nil ? LoyaltyTierMeasure.points : .spend).minimumField.range
        guard !name.isEmpty, let minimum, range.contains(minimum) else { return nil }
        return LoyaltyTier(name: name, minimum: minimum, multiplierHundredths: multiplier ?? 100)
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
