/// How an e-mail inbox's campaign e-mail goes out (its `email_provider` setting): through the
/// inbox's SMTP server, or through a provider's HTTP API — Amazon SES v2, SendGrid, Mailgun or
/// Postmark. Each needs its own settings; the rules for them live here, and `InboxService`
/// applies them when an inbox is saved.
public enum EmailProvider: String, Sendable, CaseIterable {
    case smtp, ses, sendgrid, mailgun, postmark

    /// The provider the settings choose: SMTP when `email_provider` is unset; nil when it names
    /// no provider Rapport knows.
    public init?(settings: [String: String]) {
        self.init(rawValue: settings[InboxSetting.emailProvider.rawValue] ?? EmailProvider.smtp.rawValue)
    }

    /// The settings an inbox sending through this provider cannot work without.
    public var requiredSettings: [InboxSetting] {
        switch self {
        case .smtp: [.smtpHost]
        case .ses: [.sesRegion, .sesAccessKeyID, .sesSecretAccessKey]
        case .sendgrid: [.sendgridAPIKey]
        case .mailgun: [.mailgunAPIKey, .mailgunDomain]
        case .postmark: [.postmarkServerToken]
        }
    }

    /// Whether the message goes out as Rapport composed it, signed with the inbox's DKIM key
    /// (SMTP, Amazon SES, Mailgun), rather than built by the provider from its parts and signed
    /// with the provider's domain authentication (SendGrid, Postmark).
    public var sendsComposedMessage: Bool {
        switch self {
        case .smtp, .ses, .mailgun: true
        case .sendgrid, .postmark: false
        }
    }

    /// The provider's name as people know it, for messages.
    public var displayName: String {
        switch self {
        case .smtp: "SMTP"
        case .ses: "Amazon SES"
        case .sendgrid: "SendGrid"
        case .mailgun: "Mailgun"
        case .postmark: "Postmark"
        }
    }

    /// The regions a Mailgun account lives in (its API is `api.mailgun.net` or `api.eu.mailgun.net`).
    public static let mailgunRegions = ["us", "eu"]

    /// The field errors of an e-mail inbox's sending settings: `email_provider` must name a
    /// provider, the chosen provider's own settings must be there, and the settings that become
    /// part of a request (a region in a host name, a domain in a path, names in a body) must
    /// have their documented shape, so a typo is a 422 now rather than every recipient refused
    /// later.
    static func problems(in settings: [String: String]) -> [FieldError] {
        var problems: [FieldError] = []
        func add(_ setting: InboxSetting, _ message: String) {
            problems.append(FieldError(field: "settings.\(setting.rawValue)", message: message))
        }
        if let provider = EmailProvider(settings: settings) {
            for setting in provider.requiredSettings where settings[setting.rawValue] == nil {
                add(setting, provider == .smtp
                    ? "is required when the inbox sends through SMTP (email_provider smtp, the default)"
                    : "is required when email_provider is \(provider.rawValue) (\(provider.displayName))")
            }
        } else {
            add(.emailProvider, "must be one of \(allCases.map(\.rawValue).joined(separator: ", ")) (smtp unless set)")
        }
        if let region = settings[InboxSetting.sesRegion.rawValue], !isAWSRegion(region) {
            add(.sesRegion, "must be an AWS region such as eu-west-1 or us-east-1")
        }
        if let set = settings[InboxSetting.sesConfigurationSet.rawValue], !isProviderName(set, maxLength: 64) {
            add(.sesConfigurationSet, "must be 1 to 64 letters, digits, - and _ (the configuration set's name in Amazon SES)")
        }
        if let region = settings[InboxSetting.mailgunRegion.rawValue], !mailgunRegions.contains(region) {
            add(.mailgunRegion, "must be us or eu (where the Mailgun account lives)")
        }
        if let domain = settings[InboxSetting.mailgunDomain.rawValue], !isDomainName(domain) {
            add(.mailgunDomain, "must be the sending domain as Mailgun lists it, such as mg.shop.example")
        }
        if let stream = settings[InboxSetting.postmarkMessageStream.rawValue], !isProviderName(stream, maxLength: 100) {
            add(.postmarkMessageStream, "must be the message stream's id in Postmark, such as broadcast (letters, digits, - and _)")
        }
        return problems
    }

    /// `eu-west-1`, `us-gov-west-1`, `ap-southeast-2`: a two-letter area, words, and a number,
    /// joined by hyphens (the region becomes part of the API's host name).
    static func isAWSRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, text.count <= 30, let area = parts.first, let number = parts.last else { return false }
        return area.count == 2 && area.allSatisfy { $0.isASCII && $0.isLowercase }
            && parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
            && !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A DNS name of letters, digits and hyphens in dot-separated labels (it becomes part of
    /// Mailgun's URL path, so nothing else may pass).
    static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, text.count <= 253 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// A provider's name for one of its own objects: ASCII letters, digits, `-` and `_`.
    static func isProviderName(_ text: String, maxLength: Int) -> Bool {
        (1...maxLength).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
