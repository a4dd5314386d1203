/// Which handler runs a job. The kinds Rapport enqueues are the constants below; a stored
/// job may carry a kind this build does not know (the worker then fails it permanently).
public struct JobKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Delivers one event to one webhook subscription.
    public static let webhookDeliver = JobKind(rawValue: "webhook.deliver")
    /// Sends an agent's or the bot's message through its channel.
    public static let messageSend = JobKind(rawValue: "message.send")
    /// Checks an SLA target at the moment it falls due.
    public static let slaCheck = JobKind(rawValue: "sla.check")
    /// The bot answers a customer's message.
    public static let botReply = JobKind(rawValue: "bot.reply")
    /// Closes a conversation the customer left with the bot.
    public static let botIdle = JobKind(rawValue: "bot.idle")
    /// Mails a sign-up its confirmation link (double opt-in).
    public static let signUpMail = JobKind(rawValue: "sign_up.mail")
    /// Sends a survey after a resolved conversation or a delivered order.
    public static let surveySend = JobKind(rawValue: "survey.send")
    /// E-mails one attendee a meeting's invitation or cancellation (iMIP).
    public static let meetingInvite = JobKind(rawValue: "meeting.invite")
    /// E-mails a user an alert they have not read in time.
    public static let alertMail = JobKind(rawValue: "alert.mail")

    public var description: String { rawValue }
}
