import Foundation
import RapportCore

/// A batch of campaign e-mails made ready for the inbox they go through, the same way whichever
/// transport takes them: the inbox's address must be one a mail server accepts, each e-mail is
/// composed (`CampaignMessageComposer`) and, when the message is handed over as it is, signed
/// with the inbox's DKIM key. What cannot be made ready is deferred with the reason — every
/// e-mail when the address or the key is unusable, one when its signature fails —, so fixing
/// the inbox's settings lets the campaign go on.
struct CampaignMessageBatch {
    /// One e-mail of the batch: its message, or why it waits.
    enum Item {
        case ready(ComposedCampaignMessage)
        case deferred(String)
    }

    /// In the order of the e-mails given.
    let items: [Item]

    /// `signing`: whether the inbox's DKIM key signs the messages (it does when the message goes
    /// out as Rapport composed it: SMTP, Amazon SES, Mailgun), leaving out of the signature the
    /// fields the provider rewrites (`unsignedHeaders`).
    init(_ emails: [CampaignEmail], for inbox: Inbox, at date: Date, signing: Bool, unsignedHeaders: Set<String> = []) {
        let address = inbox[.address] ?? ""
        guard HeaderText.isSafeAddress(address) else {
            items = emails.map { _ in .deferred("The inbox's address is not one a mail server accepts; fix it in the inbox's settings.") }
            return
        }
        let signer: DKIMSigner?
        do {
            signer = signing ? try SMTPCampaignTransport.signer(of: inbox, leavingOut: unsignedHeaders) : nil
        } catch {
            items = emails.map { _ in .deferred("The inbox's DKIM key cannot be used: \(error)") }
            return
        }
        let displayName = inbox[.displayName] ?? inbox.name
        let sender = EmailAddress(name: displayName, address: address)
        items = emails.map { email -> Item in
            let composed = CampaignMessageComposer.compose(email, from: address, displayName: displayName, at: date)
            do {
                let message = try signer.map { try $0.sign(composed.message, at: date) } ?? composed.message
                return .ready(ComposedCampaignMessage(email: email, sender: sender, messageID: composed.messageID, message: message))
            } catch {
                return .deferred("The message could not be signed with the inbox's DKIM key: \(error)")
            }
        }
    }

    /// The messages ready to go, in order.
    var readyMessages: [ComposedCampaignMessage] {
        items.compactMap { item -> ComposedCampaignMessage? in
            guard case .ready(let message) = item else { return nil }
            return message
        }
    }

    /// An outcome per e-mail, in order: `handOver`'s for each ready message (called in order),
    /// `deferred` with its reason for each other.
    func outcomes(_ handOver: (ComposedCampaignMessage) -> CampaignDeliveryOutcome) -> [CampaignDeliveryOutcome] {
        items.map { item -> CampaignDeliveryOutcome in
            switch item {
            case .ready(let message): handOver(message)
            case .deferred(let reason): .deferred(reason)
            }
        }
    }
}
