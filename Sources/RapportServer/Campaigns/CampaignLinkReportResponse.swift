import RapportCore

/// A campaign's link check as the API shows it: how many links came to what, and each link
/// with its places, findings and what fetching it found.
struct CampaignLinkReportResponse: Encodable {
    struct Counts: Encodable {
        let ok: Int
        let warnings: Int
        let broken: Int
        let unchecked: Int
    }

    struct Place: Encodable {
        let locale: String
        /// Null: the campaign's own content (variant A, and every variant that keeps this part).
        let variant: String?
        let part: String
        /// A template parameter's position, from 1; null for other parts.
        let parameter: Int?
        /// The words a body link is shown as; null elsewhere.
        let text: String?
    }

    struct Finding: Encodable {
        let code: String
        let severity: String
        let message: String
    }

    struct Probe: Encodable {
        let outcome: String
        let httpStatus: Int?
        let finalURL: String?
        let redirects: Int
        let reason: String?
    }

    struct Link: Encodable {
        let url: String
        let written: String
        let personalised: Bool
        let status: String
        let places: [Place]
        let findings: [Finding]
        /// Null when it was not fetched.
        let probe: Probe?
        /// Why it was not fetched, when the findings do not say.
        let note: String?
    }

    let object = "campaign_link_report"
    let campaignID: String
    /// Null for the sample recipient.
    let customerID: String?
    let counts: Counts
    let links: [Link]

    init(_ report: CampaignLinkReport) {
        campaignID = report.campaignID
        customerID = report.customerID
        counts = Counts(ok: report.ok, warnings: report.warnings, broken: report.broken, unchecked: report.unchecked)
        links = report.links.map { link in
            Link(
                url: link.url, written: link.written, personalised: link.personalised, status: link.status.rawValue,
                places: link.places.map { Place(locale: $0.locale, variant: $0.variant, part: $0.part.rawValue, parameter: $0.parameter, text: $0.text) },
                findings: link.findings.map { Finding(code: $0.kind.rawValue, severity: $0.severity.rawValue, message: $0.message) },
                probe: link.probe.map {
                    Probe(outcome: $0.outcome.rawValue, httpStatus: $0.status, finalURL: $0.finalURL, redirects: $0.redirects, reason: $0.reason)
                },
                note: link.note)
        }
    }
}
