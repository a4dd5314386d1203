import Foundation

/// Consent in a customer file: a column per purpose and channel (`email_marketing`,
/// `sms_marketing`, `whatsapp_marketing`, Shopify's `Accepts Email Marketing` and
/// `Accepts SMS Marketing`, or `consent:<purpose>:<channel>` for any other pair) holding the
/// answer, and per row the evidence: `consent_source` (where the person gave it: `form`,
/// `shop`, `api`; `import` when empty), `consent_at` (when), `consent_ip` and `consent_text`
/// (the wording they agreed to). An empty cell records nothing.
enum CSVConsentColumns {
    /// The shortcut columns and the pair each one answers.
    static let shortcuts: [String: (purpose: String, channel: ConsentChannel)] = [
        "email_marketing": ("marketing", .email), "sms_marketing": ("marketing", .sms), "whatsapp_marketing": ("marketing", .whatsapp),
    ]
    static let prefix = "consent:"

    /// The pair a field names, if it is a consent column.
    static func pair(of field: String) -> (purpose: String, channel: String)? {
        if let shortcut = shortcuts[field] { return (shortcut.purpose, shortcut.channel.rawValue) }
        guard field.hasPrefix(prefix) else { return nil }
        let parts = field.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// What a cell says, in the words people and shop exports use (Shopify's customer states
    /// included); nil for an empty cell or `pending`, which is no answer yet.
    static func status(_ text: String) -> Result<ConsentStatus?, ImportProblem> {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "granted", "subscribed", "opted_in", "opt-in", "confirmed_opt_in", "single_opt_in": .success(.granted)
        case "no", "n", "false", "0", "denied", "not_subscribed", "opted_out", "opt-out": .success(.denied)
        case "withdrawn", "unsubscribed": .success(.withdrawn)
        case "pending", "": .success(nil)
        default: .failure(ImportProblem("'\(text)' is not yes, no, granted, denied, withdrawn or unsubscribed"))
        }
    }

    /// The consent answers of one record, or the problems that reject it.
    static func consents(_ value: (String) -> String?, fields: [String]) -> Result<[ConsentInput], ImportProblem> {
        var problems: [String] = []
        var occurredAt: Date?
        if let text = value("consent_at") {
            occurredAt = CSVImportRows.date(text)
            if occurredAt == nil { problems.append("consent_at '\(text)' is not an ISO 8601 date") }
        }
        let source = value("consent_source")?.lowercased() ?? ConsentSource.import.rawValue
        if !ConsentSource.claimableByAPI.map(\.rawValue).contains(source) {
            problems.append("consent_source '\(source)' must be one of \(ConsentSource.claimableByAPI.map(\.rawValue).joined(separator: ", "))")
        }
        var consents: [ConsentInput] = []
        for field in fields.sorted() {
            guard let pair = pair(of: field), let cell = value(field) else { continue }
            switch status(cell) {
            case .success(let status?):
                consents.append(ConsentInput(
                    purpose: pair.purpose, channel: pair.channel, status: status.rawValue, source: source, occurredAt: occurredAt,
                    text: value("consent_text"), ipAddress: value("consent_ip")))
            case .success(nil): continue
            case .failure(let problem): problems.append("\(field) \(problem.message)")
            }
        }
        return problems.isEmpty ? .success(consents) : .failure(ImportProblem(problems.joined(separator: "; ")))
    }
}
