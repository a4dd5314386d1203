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
        let batch = CampaignMessageBatch(emails, for: inbox, at: date, signing: true)
        let envelopes = batch.readyMessages.map { SMTPEnvelope(sender: $0.sender.address, recipients: [$0.email.address], message: $0.message) }
        var results: IndexingIterator<[Result<Void, SMTPError>]> = [].makeIterator()
        if !envelopes.isEmpty {
            let heloName = EmailSender.domain(of: inbox[.address] ?? "")
            let client = SMTPClient(configuration: SMTPConfiguration(settings: inbox.settings), heloName: heloName, targets: targets)
            results = await client.sendEach(envelopes, deadline: deadline).makeIterator()
        }
        return batch.outcomes { message -> CampaignDeliveryOutcome in
            switch results.next() {
            case .success?: .sent(messageID: message.messageID)
            case .failure(let error)? where Self.refusesRecipient(error): .refused(error.description)
            case .failure(let error)?: .deferred(error.description)
            case nil: .deferred("The mail server was not reached.")
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
    public static func signer(of inbox: Inbox, leavingOut unsigned: Set<String> = []) throws -> DKIMSigner? {
        guard let pem = inbox[.dkimPrivateKey], let domain = inbox[.dkimDomain], let selector = inbox[.dkimSelector] else { return nil }
        return try DKIMSigner(
            domain: domain, selector: selector, key: try DKIMKey(pemRepresentation: pem),
            signedHeaders: DKIMSigner.defaultSignedHeaders.filter { !unsigned.contains($0) })
    }
}
