import RapportCore

/// Lead scoring's settings as the API shows them.
struct LeadScoringSettingsResponse: Encodable {
    let object = "lead_scoring_settings"
    let hotScore: Int?
    let updatedAt: String?

    init(_ settings: LeadScoringSettings) {
        hotScore = settings.hotScore
        updatedAt = settings.updatedAt.map(Timestamp.iso8601)
    }
}
