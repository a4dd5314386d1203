import RapportCore

/// A workspace's survey settings as the API shows them.
struct SurveySettingsResponse: Encodable {
    let object = "survey_settings"
    let csatAfterConversations: Bool
    let npsAfterDeliveryDays: Int?
    let quietDays: Int
    let followUpNegative: Bool
    let followUpTeamId: String?

    init(_ settings: SurveySettings) {
        csatAfterConversations = settings.csatAfterConversations
        npsAfterDeliveryDays = settings.npsAfterDeliveryDays
        quietDays = settings.quietDays
        followUpNegative = settings.followUpNegative
        followUpTeamId = settings.followUpTeamID
    }
}
