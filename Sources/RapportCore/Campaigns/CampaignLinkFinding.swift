/// Something wrong with a campaign's link that shows without fetching it
/// (`CampaignLinkRule.findings(of:)`): what kind, and what to do, in words.
public struct CampaignLinkFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Neither http nor https (`javascript:`, `ftp:`): no page a recipient can open.
        case notWeb = "not_web"
        /// No scheme, no site, a space inside: it cannot lead anywhere as written.
        case malformed
        /// `http:`, not `https:`.
        case insecure
        /// An IP address or `localhost` instead of a site's name.
        case internalHost = "internal_host"
        /// The link's text shows one site and the link leads to another.
        case textMismatch = "text_mismatch"
    }

    public enum Severity: String, Sendable, Equatable {
        /// It may work, but it costs trust or reach.
        case warning
        /// It cannot work for recipients.
        case error
    }

    public var kind: Kind
    /// What is wrong and what to do, as words that follow the link (`uses http:, not https: …`).
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var severity: Severity {
        switch kind {
        case .notWeb, .malformed: .error
        case .insecure, .internalHost, .textMismatch: .warning
        }
    }
}
