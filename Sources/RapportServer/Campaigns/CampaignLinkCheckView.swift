import RapportCore

/// A campaign's link check on its page: how many links came to what, and each link with its
/// status, where it stands, what is wrong with it and what fetching it found, in words.
struct CampaignLinkCheckView: TemplateView {
    struct Row: TemplateView {
        /// `ok`, `warning`, `broken` or `unchecked` (`data-link-status`).
        let linkStatus: String
        let linkStatusWords: String
        let linkURL: String
        /// The address as written, for a personalised link (its variables as placeholders).
        let linkWritten: String?
        /// `en · body`, `id · variant B · body`, `en · template parameter 2`.
        let linkPlaces: String
        /// What fetching it found, or why it was not fetched.
        let linkOutcome: String?
        let linkFindings: [String]
        let linkHasFindings: Bool
    }

    /// `4 links: 2 work, 1 with a warning, 1 broken.`
    let linkSummary: String
    /// Whose values filled the personalised links.
    let linkValues: String
    let linkRows: [Row]
    let noLinks: Bool

    init(_ report: CampaignLinkReport) {
        let total = report.links.count
        var parts = ["\(report.ok) work"]
        if report.warnings > 0 { parts.append("\(report.warnings) with a warning") }
        if report.broken > 0 { parts.append("\(report.broken) broken") }
        if report.unchecked > 0 { parts.append("\(report.unchecked) not fetched") }
        linkSummary = total == 0 ? "No links in any version." : "\(total) link\(total == 1 ? "" : "s"): \(parts.joined(separator: ", "))."
        linkValues = report.customerID == nil
            ? "Personalised links are filled in as for the sample customer, with no name and no orders."
            : "Personalised links are filled in as for the chosen customer."
        linkRows = report.links.map(Self.row)
        noLinks = total == 0
    }

    private static func row(_ link: CampaignContentLink) -> Row {
        Row(
            linkStatus: link.status.rawValue, linkStatusWords: statusWords(link.status), linkURL: link.url,
            linkWritten: link.personalised ? link.written : nil, linkPlaces: link.places.map(placeWords).joined(separator: "; "),
            linkOutcome: link.probe.map(outcomeWords) ?? link.note, linkFindings: link.findings.map(\.message),
            linkHasFindings: !link.findings.isEmpty)
    }

    static func statusWords(_ status: CampaignLinkStatus) -> String {
        switch status {
        case .ok: "Works"
        case .warning: "Warning"
        case .broken: "Broken"
        case .unchecked: "Not fetched"
        }
    }

    static func placeWords(_ place: CampaignLinkPlace) -> String {
        let part = switch place.part {
        case .body: "body"
        case .text: "plain text"
        case .sms: "SMS text"
        case .templateParameter: "template parameter \(place.parameter ?? 0)"
        }
        return ([place.locale] + (place.variant.map { ["variant \($0)"] } ?? []) + [part]).joined(separator: " · ")
    }

    static func outcomeWords(_ probe: LinkProbeResult) -> String {
        let redirects = probe.redirects == 0 ? "" : " after \(probe.redirects) redirect\(probe.redirects == 1 ? "" : "s")"
        switch probe.outcome {
        case .ok:
            let landing = probe.finalURL.map { " at \($0)" } ?? ""
            return "HTTP \(probe.status ?? 200)\(redirects)\(landing)"
        case .broken, .unreachable, .refused:
            let landing = probe.finalURL.map { " (at \($0))" } ?? ""
            return "It \(probe.reason ?? probe.outcome.rawValue)\(redirects)\(landing)"
        }
    }
}
