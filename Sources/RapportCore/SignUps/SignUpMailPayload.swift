/// The `sign_up.mail` job: mail a sign-up its confirmation link.
public struct SignUpMailPayload: JobPayload {
    public static let jobKind = JobKind.signUpMail
    public var signUpID: String
    public var workspaceID: String

    public init(signUpID: String, workspaceID: String) {
        self.signUpID = signUpID
        self.workspaceID = workspaceID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case signUpID = "signUpId"
        case workspaceID = "workspaceId"
    }
}
