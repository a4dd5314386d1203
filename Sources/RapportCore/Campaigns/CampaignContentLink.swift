/// One distinct link of a campaign's content (`CampaignLinkRule`): the address recipients get,
/// every place it stands, what is wrong with it as written, and what fetching it found.
public struct CampaignContentLink: Sendable, Equatable {
    /// The address with the variables of the check's recipient filled in.
    public var url: String
    /// The address as the campaign writes it, variables as their placeholders.
    public var written: String
    /// Whether it has variables, so that each recipient gets their own.
    public var personalised: Bool
    public var places: [CampaignLinkPlace]
    public var findings: [CampaignLinkFinding]
    /// What fetching it found; nil when it was not fetched.
    public var probe: LinkProbeResult?
    /// Why it was not fetched, when that is not what `findings` say.
    public var note: String?

    public init(
        url: String, written: String, personalised: Bool, places: [CampaignLinkPlace], findings: [CampaignLinkFinding],
        probe: LinkProbeResult? = nil, note: String? = nil
    ) {
        self.url = url
        self.written = written
        self.personalised = personalised
        self.places = places
        self.findings = findings
        self.probe = probe
        self.note = note
    }

    /// Whether fetching it tells something: an http or https address with nothing that breaks it.
    public var isFetchable: Bool {
        CampaignLinkRule.isWebAddress(url) && !findings.contains { $0.severity == .error }
    }

    /// Broken when a finding or the fetch says so; else a warning when a finding says so; else
    /// ok when fetched, unchecked when not.
    public var status: CampaignLinkStatus {
        if findings.contains(where: { $0.severity == .error }) || (probe.map { $0.outcome != .ok } ?? false) { return .broken }
        if !findings.isEmpty { return .warning }
        return probe == nil ? .unchecked : .ok
    }
}
