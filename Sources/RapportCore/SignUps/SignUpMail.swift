/// What the job that mails a confirmation needs: the sign-up, the inbox it is sent from, the
/// signed token of its link and the wording the person is asked to confirm.
public struct SignUpMail: Sendable {
    public var signUp: SignUp
    public var inbox: Inbox
    public var token: String
    public var text: String?
}
