import Foundation
import RapportCore

/// Sends SMS through Twilio's REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
/// with HTTP Basic auth, asking Twilio to report delivery to the inbox's status callback.
public struct TwilioSMSSender: ChannelSender {
    public static let apiBaseURL = "https://api.twilio.com"
    public let channel = InboxChannel.sms
    let http: OutboundHTTP
    /// Where Twilio reports an inbox's deliveries (the server's route table says).
    let statusCallback: @Sendable (Inbox) -> String

    public init(http: OutboundHTTP, statusCallback: @escaping @Sendable (Inbox) -> String) {
        self.http = http
        self.statusCallback = statusCallback
    }

    public func send(_ outbound: OutboundMessage) async throws -> String {
        try await send(text: outbound.message.text ?? "", to: outbound.conversation.contact, through: outbound.inbox)
    }

    /// Sends `text` to the number `to` (E.164) from the inbox's number; answers Twilio's message sid.
    public func send(text: String, to: String, through inbox: Inbox) async throws -> String {
        let account = inbox[.accountSID] ?? ""
        let url = "\(inbox[.apiBaseURL] ?? Self.apiBaseURL)/2010-04-01/Accounts/\(account)/Messages.json"
        let credentials = Data("\(account):\(inbox[.authToken] ?? "")".utf8).base64EncodedString()
        let form = FormBody.encode([
            ("To", to), ("From", inbox[.phoneNumber] ?? ""), ("Body", text), ("StatusCallback", statusCallback(inbox)),
        ])
        let answer: OutboundHTTP.Answer
        do {
            answer = try await http.post(url, headers: [
                ("Authorization", "Basic \(credentials)"), ("Content-Type", "application/x-www-form-urlencoded"),
            ], body: form)
        } catch {
            throw ProviderAnswer.unreachable(provider: "Twilio", error)
        }
        guard (200..<300).contains(answer.status) else {
            throw ProviderAnswer.failure(provider: "Twilio", status: answer.status, body: answer.body)
        }
        guard let sid = (try? JSONParser.parse(Array(answer.body.utf8)))?["sid"]?.text else {
            throw JobFailure.retry("Twilio answered without a message sid: \(answer.body.prefix(200))")
        }
        return sid
    }
}
