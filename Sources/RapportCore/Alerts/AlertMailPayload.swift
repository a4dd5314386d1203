/// The `alert.mail` job: e-mail the alert's user if they have not read it by the time it runs.
/// Ids only: the address is read when the job runs.
public struct AlertMailPayload: JobPayload {
    public static let jobKind = JobKind.alertMail
    public var alertID: String
    public var workspaceID: String

    public init(alertID: String, workspaceID: String) {
        self.alertID = alertID
        self.workspaceID = workspaceID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case alertID = "alertId"
        case workspaceID = "workspaceId"
    }
}
