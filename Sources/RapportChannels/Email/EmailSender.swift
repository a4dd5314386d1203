import Foundation
import RapportCore

/// Sends email replies over the inbox's SMTP server, threaded: a fresh `Message-ID` (which
/// becomes the message's provider id), `In-Reply-To` the customer's last message and
/// `References` the whole thread, so the reply lands in the same thread of their mail client.
public struct EmailSender: ChannelSender {
    public let channel = InboxChannel.email
    /// SMTP servers are never waited on longer than this, whatever an inbox's setting says: a
    /// job's lease must outlast its calls.
    public static let longestTimeout: Duration = .seconds(120)
    let targets: OutboundTargets

    public init(targets: OutboundTargets) {
        self.targets = targets
    }

    public func send(_ outbound: OutboundMessage) async throws -> String {
        let from = try Self.sendingAddress(of: outbound.inbox)
        guard HeaderText.isSafeAddress(outbound.conversation.contact) else {
            throw JobFailure.permanent("The customer's address \(outbound.conversation.contact.debugDescription.prefix(80)) cannot be written to safely.")
        }
        let composed = Self.compose(outbound, from: from, displayName: outbound.inbox[.displayName] ?? outbound.inbox.name, now: Date())
        try await deliver(composed.message, from: from, to: outbound.conversation.contact, inbox: outbound.inbox)
        return composed.messageID
    }

    /// Sends a message of Rapport's own that is no reply in a conversation (a sign-up's
    /// confirmation link) from the inbox's address; answers its Message-ID.
    public func sendNotice(to address: String, subject: String, text: String, from inbox: Inbox) async throws -> String {
        let from = try Self.sendingAddress(of: inbox)
        guard HeaderText.isSafeAddress(address) else {
            throw JobFailure.permanent("The address \(address.debugDescription.prefix(80)) cannot be written to safely.")
        }
        let messageID = "\(UUID().uuidString.lowercased())@\(Self.domain(of: from))"
        let headers = [
            HeaderText.line("From", EmailAddress(name: inbox[.displayName] ?? inbox.name, address: from).headerValue),
            HeaderText.line("To", EmailAddress(name: nil, address: address).headerValue),
            HeaderText.line("Subject", subject),
            "Date: \(Self.rfc5322Date(Date()))",
            "Message-ID: <\(messageID)>",
            // RFC 3834: sent by a program, so auto-responders do not answer it.
            "Auto-Submitted: auto-generated",
        ]
        try await deliver(Self.message(headers: headers, text: text), from: from, to: address, inbox: inbox)
        return messageID
    }

    /// Sends a meeting's invitation or cancellation (iMIP) from the inbox's address, signed
    /// with the inbox's DKIM key when it has one (mail clients show the buttons only for mail
    /// that authenticates); answers its Message-ID.
    public func sendInvitation(_ invitation: MeetingInvitation) async throws -> String {
        let from = try Self.sendingAddress(of: invitation.inbox)
        guard HeaderText.isSafeAddress(invitation.attendee.email) else {
            throw JobFailure.permanent("The address \(invitation.attendee.email.debugDescription.prefix(80)) cannot be written to safely.")
        }
        let now = Date()
        let composed = InvitationMessageComposer.compose(
            invitation, from: from, displayName: invitation.inbox[.displayName] ?? invitation.inbox.name, at: now)
        var message = composed.message
        do {
            if let signer = try SMTPCampaignTransport.signer(of: invitation.inbox) { message = try signer.sign(message, at: now) }
        } catch {
            throw JobFailure.permanent("The inbox's DKIM key cannot sign: \(error)")
        }
        try await deliver(message, from: from, to: invitation.attendee.email, inbox: invitation.inbox)
        return composed.messageID
    }

    /// The inbox's own address, if a mail server would take it.
    private static func sendingAddress(of inbox: Inbox) throws -> String {
        let from = inbox[.address] ?? ""
        guard HeaderText.isSafeAddress(from) else {
            throw JobFailure.permanent("The inbox's address is not one a mail server accepts; fix it in the inbox's settings.")
        }
        return from
    }

    /// Hands a composed message to the inbox's SMTP server; a temporary refusal is retried.
    private func deliver(_ message: String, from: String, to address: String, inbox: Inbox) async throws {
        // An inbox whose campaigns go through a provider's API may have no SMTP server at all.
        guard inbox[.smtpHost] != nil else {
            throw JobFailure.permanent(
                "The inbox has no SMTP server (smtp_host) to send replies through; its campaigns go through \(EmailProvider(settings: inbox.settings)?.displayName ?? "a provider"): add the SMTP settings for replies.")
        }
        let client = SMTPClient(configuration: SMTPConfiguration(settings: inbox.settings), heloName: Self.domain(of: from), targets: targets)
        let configured: Duration = inbox[.smtpTimeoutSeconds].flatMap(Int.init).map { .seconds(max(1, $0)) } ?? .seconds(60)
        let deadline = min(configured, Self.longestTimeout)
        do {
            try await client.send(from: from, to: [address], message: message, deadline: deadline)
        } catch let error as SMTPError {
            throw error.isTemporary ? JobFailure.retry(error.description) : JobFailure.permanent(error.description)
        } catch {
            throw JobFailure.retry("The mail server could not be reached: \(error)")
        }
    }

    /// The message as sent, and its Message-ID (without brackets).
    static func compose(_ outbound: OutboundMessage, from: String, displayName: String, now: Date) -> (message: String, messageID: String) {
        let messageID = "\(outbound.message.id.lowercased())@\(domain(of: from))"
        let subject = outbound.conversation.subject.map { $0.lowercased().hasPrefix("re:") ? $0 : "Re: \($0)" } ?? "Your message"
        var headers = [
            HeaderText.line("From", EmailAddress(name: displayName, address: from).headerValue),
            HeaderText.line("To", EmailAddress(name: outbound.customerName, address: outbound.conversation.contact).headerValue),
            HeaderText.line("Subject", subject),
            "Date: \(rfc5322Date(now))",
            "Message-ID: <\(messageID)>",
        ]
        // Message-IDs come from the customer's mail: only well-formed ones are repeated.
        let thread = outbound.threadReferences.filter { $0 != messageID && HeaderText.isSafeMessageID($0) }
        if let last = thread.last {
            headers.append("In-Reply-To: <\(last)>")
            headers.append(HeaderText.line("References", thread.suffix(20).map { "<\($0)>" }.joined(separator: " ")))
        }
        return (message(headers: headers, text: outbound.message.text ?? ""), messageID)
    }

    /// Headers and a plain-text body (UTF-8, base64) as one message.
    static func message(headers: [String], text: String) -> String {
        let mime = ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
        let body = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return (headers + mime).joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "rapport.localhost"
    }

    /// `Sat, 05 Dec 2026 04:30:00 +0000` (RFC 5322 §3.3), in UTC, counted from the Unix day
    /// rather than through a `DateFormatter`, which cost more than the rest of a campaign
    /// message's headers together.
    static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = Timestamp.civilDate(unixDay: days)
        let weekday = Int(((days % 7) + 10) % 7)  // 1970-01-01 was a Thursday.
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[weekday]), \(two(day)) \(months[Int(month) - 1]) \(year) \(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000"
    }
}
