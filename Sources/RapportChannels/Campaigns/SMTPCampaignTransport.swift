import Foundation
import RapportCore

/// Campaign e-mail through the inbox's SMTP server: each message composed
/// (`CampaignMessageComposer`), DKIM-signed with the inbox's key, and a batch delivered over
/// one connection. A 5xx to a recipient (`RCPT TO`, or the message itself at `DATA`) refuses
/// that message; anything else defers it — a 4xx, the server unreachable, the account or the
/// sender refused, a key that cannot be read — so fixing the inbox's settings lets the
/// campaign go on (the sender pauses a campaign whose whole batch was deferred).
public struct SMTPCampaignTransport: CampaignEmailTransport {
    let targets: OutboundTargets

    public init(targets: OutboundTargets) {
        self.targets = targets
    }

    public func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date, deadline: Duration) async -> [CampaignDeliveryOutcome] {
        let from = inbox[.address] ?? ""
        guard HeaderText.isSafeAddress(from) else {
            return emails.map { _ in .deferred("The inbox's address is not one a mail server accepts; fix it in the inbox's settings.") }
        }
        let signer: DKIMSigner?
        do {
            signer = try Self.signer(of: inbox)
        } catch {
            return emails.map { _ in .deferred("The inbox's DKIM key cannot be used: \(error)") }
        }
        var envelopes: [SMTPEnvelope] = []
        var messageIDs: [String] = []
        var problems: [Int: String] = [:]
        for (index, email) in emails.enumerated() {
            let composed = CampaignMessageComposer.compose(email, from: from, displayName: inbox[.displayName] ?? inbox.name, at: date)
            messageIDs.append(composed.messageID)
            do {
                let message = try signer.map { try $0.sign(composed.message, at: date) } ?? composed.message
                envelopes.append(SMTPEnvelope(sender: from, recipients: [email.address], message: message))
            } catch {
                problems[index] = "The message could not be signed with the inbox's DKIM key: \(error)"
            }
        }
        let client = SMTPClient(configuration: SMTPConfiguration(settings: inbox.settings), heloName: EmailSender.domain(of: from), targets: targets)
        var results = await client.sendEach(envelopes, deadline: deadline).makeIterator()
        return emails.indices.map { index in
            if let problem = problems[index] { return .deferred(problem) }
            switch results.next() {
            case .success?: return .sent(messageID: messageIDs[index])
            case .failure(let error)? where Self.refusesRecipient(error): return .refused(error.description)
            case .failure(let error)?: return .deferred(error.description)
            case nil: return .deferred("The mail server was not reached.")
            }
        }
    }

    /// A permanent refusal of this recipient or this message, not of the account or the sender.
    static func refusesRecipient(_ error: SMTPError) -> Bool {
        switch error {
        case .rejected(let command, let code, _): code >= 500 && (command.hasPrefix("RCPT TO") || command == "DATA")
        case .unsafeAddress: true
        default: false
        }
    }

    /// The inbox's DKIM signer, when it has a domain, a selector and a key.
    public static func signer(of inbox: Inbox) throws -> DKIMSigner? {
        guard let pem = inbox[.dkimPrivateKey], let domain = inbox[.dkimDomain], let selector = inbox[.dkimSelector] else { return nil }
        return try DKIMSigner(domain: domain, selector: selector, key: try DKIMKey(pemRepresentation: pem))
    }
}
