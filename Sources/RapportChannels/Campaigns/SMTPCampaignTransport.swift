import Foundation
import RapportCore

/// Campaign e-mail through the inbox's SMTP server: each message composed
/// (`CampaignMessageComposer`), DKIM-signed when the inbox has a key, and a batch delivered
/// over one connection. A 5xx to a message refuses it; anything else that went wrong
/// (a 4xx, the server unreachable, a key that cannot be read) defers it, so fixing the
/// inbox's settings lets the campaign go on.
public struct SMTPCampaignTransport: CampaignEmailTransport {
    let targets: OutboundTargets

    public init(targets: OutboundTargets) {
        self.targets = targets
    }

    public func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date) async -> [CampaignDeliveryOutcome] {
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
                problems[index] = "The message could not be signed: \(error)"
            }
        }
        let client = SMTPClient(configuration: SMTPConfiguration(settings: inbox.settings), heloName: EmailSender.domain(of: from), targets: targets)
        var results = await client.sendEach(envelopes).makeIterator()
        return emails.indices.map { index in
            if let problem = problems[index] { return .refused(problem) }
            switch results.next() {
            case .success?: return .sent(messageID: messageIDs[index])
            case .failure(let error)? where !error.isTemporary: return .refused(error.description)
            case .failure(let error)?: return .deferred(error.description)
            case nil: return .deferred("The mail server was not reached.")
            }
        }
    }

    /// The inbox's DKIM signer, when it has a domain, a selector and a key.
    public static func signer(of inbox: Inbox) throws -> DKIMSigner? {
        guard let pem = inbox[.dkimPrivateKey], let domain = inbox[.dkimDomain], let selector = inbox[.dkimSelector] else { return nil }
        return try DKIMSigner(domain: domain, selector: selector, key: try DKIMKey(pemRepresentation: pem))
    }
}
