import Foundation
import RapportCore

/// The loyalty page's form for one multiplier, as typed: the factor with a point or a comma
/// (`2`, `1,5`), the category (empty: every line), the period's ends as `datetime-local`
/// values read in UTC (empty: open).
struct LoyaltyMultiplierForm: Decodable {
    var name: String?
    var multiplier: String?
    var category: String?
    var startsAt: String?
    var endsAt: String?

    /// The multiplier, or every field that does not read.
    func multiplierSetting() -> Result<LoyaltyMultiplier, RapportError> {
        var problems: [FieldError] = []
        let factor = Double((multiplier ?? "").trimmed.replacingOccurrences(of: ",", with: "."))
            .flatMap { LoyaltyProgramSettings.hundredths($0, in: 0...1_000_000) }
        if factor == nil { problems.append(FieldError(field: "multiplier.multiplier", message: "must be a number such as 2 or 1.5")) }
        var times: [Date?] = []
        for (field, text) in [("multiplier.starts_at", startsAt), ("multiplier.ends_at", endsAt)] {
            guard let text = text?.trimmed, !text.isEmpty else {
                times.append(nil)
                continue
            }
            let moment = Timestamp.parse(text.count == 16 ? text + ":00Z" : text + "Z")
            if moment == nil { problems.append(FieldError(field: field, message: "must be a date and time (UTC)")) }
            times.append(moment)
        }
        let category = category?.trimmed
        let setting = LoyaltyMultiplier(
            name: name ?? "", factorHundredths: factor ?? 0, category: category?.isEmpty == false ? category : nil, startsAt: times[0],
            endsAt: times[1])
        return problems.isEmpty ? .success(setting) : .failure(.invalid(problems))
    }
}
