import Foundation
import RapportCore

/// A campaign e-mail as a message: `multipart/alternative` with the plain-text part first and
/// the HTML part second (RFC 2046 §5.1.4: the richest last), each UTF-8 in base64 with CRLF
/// lines; `Message-ID` on the sending domain from the send's id; `List-Unsubscribe` with the
/// https URL and the mailto, and `List-Unsubscribe-Post` (RFC 8058 one-click); `Feedback-ID`
/// for Gmail's feedback loop (campaign, workspace, kind, sender).
public enum CampaignMessageComposer {
    public static func compose(_ email: CampaignEmail, from address: String, displayName: String, at date: Date) -> (message: String, messageID: String) {
        let domain = EmailSender.domain(of: address).lowercased()
        // Lower case throughout: a bounce quotes it, and the send is found by it in any case.
        let messageID = "\(email.sendID.lowercased())@\(domain)"
        let boundary = "rapport-alt-\(email.sendID)"
        let headers: [String] = [
            HeaderText.line("From", EmailAddress(name: displayName, address: address).headerValue),
            HeaderText.line("To", EmailAddress(name: email.name, address: email.address).headerValue),
            HeaderText.line("Subject", email.subject),
            "Date: \(EmailSender.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
        ] + listHeaders(for: email).map { HeaderText.line($0.name, $0.value) } + [
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        let parts = [("text/plain", email.text), ("text/html", email.html)].map { type, content in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(content) + "\r\n"
        }
        let message = headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
        return (message, messageID)
    }

    /// The headers every campaign e-mail carries besides its addresses, subject and MIME
    /// structure, however it goes out: `List-Unsubscribe` (the https URL, and the mailto when
    /// the inbox has one), `List-Unsubscribe-Post` (RFC 8058 one-click) and `Feedback-ID`
    /// (campaign, workspace, kind, sender). Providers that build the message themselves from its
    /// parts (SendGrid, Postmark) are given these.
    public static func listHeaders(for email: CampaignEmail) -> [(name: String, value: String)] {
        var unsubscribe = ["<\(email.unsubscribeURL)>"]
        if let mailto = email.unsubscribeMailto { unsubscribe.append("<\(mailto)>") }
        return [
            (name: "List-Unsubscribe", value: unsubscribe.joined(separator: ", ")),
            (name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
            (name: "Feedback-ID", value: "\(email.campaignID):\(email.workspaceID):campaign:rapport"),
        ]
    }

    /// Base64 in lines of 76 characters ending CRLF (RFC 2045 §6.8).
    static func base64Lines(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }
}
