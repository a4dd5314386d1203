import Foundation

/// SMS keywords are instructions, not conversation: `STOP` (and its synonyms) suppresses the
/// number on SMS for every message and withdraws marketing by SMS; `START` lifts the
/// suppression (marketing stays withdrawn); `HELP` changes nothing. Each is answered with the
/// standard reply and recorded in the customer's consent history (source `keyword`), not as a
/// message an agent or the bot would answer.
extension ConversationService {
    /// A choice the person made in the messaging app (WhatsApp's "stop" or "resume" of
    /// marketing messages): marketing on that channel withdrawn or granted, source `provider`,
    /// for the customer holding that contact.
    func receivePreference(_ preference: ContactPreference, inbox: Inbox) async throws {
        guard let channel = inbox.channel.consentChannel else { return }
        let contact = contactCustomer(InboundMessage(providerMessageID: "", from: preference.from, kind: .text, text: nil), channel: inbox.channel)
        let consents = ConsentService(customers: customers)
        try await context.writeRetryingConflicts { transaction in
            let customerID = try await resolveCustomer(contact, transaction: transaction, workspaceID: inbox.workspaceID, inbox: inbox)
            _ = try await consents.change(
                ConsentInput(
                    purpose: ConsentPurpose.marketing.rawValue, channel: channel.rawValue, status: preference.marketing ? "granted" : "withdrawn",
                    occurredAt: preference.occurredAt, text: preference.detail ?? (preference.marketing ? "Resumed marketing messages" : "Stopped marketing messages")),
                source: .provider, customerID: customerID, witness: .none, actor: "inbox:\(inbox.id)", workspaceID: inbox.workspaceID,
                in: transaction)
        }
    }

    /// Handles an SMS keyword; returns false when the word is not one here: `START`, `YES` and
    /// `UNSTOP` are keywords only while the number is stopped (otherwise "Yes" is an answer in
    /// the conversation).
    func receiveKeyword(_ keyword: OptOutKeyword, _ inbound: InboundMessage, inbox: Inbox) async throws -> Bool {
        if keyword == .help { return true }
        let contact = contactCustomer(inbound, channel: inbox.channel)
        let consents = ConsentService(customers: customers)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let now = transaction.now
            if keyword == .start {
                let held = try await session.suppressions.reasons(channel: .sms, address: inbound.from, workspaceID: inbox.workspaceID)
                guard held.contains(.stopKeyword) else { return false }
                // Messages may reach the number again; marketing stays withdrawn until the
                // customer agrees to it again (START is not consent to marketing).
                try await session.suppressions.lift(channel: .sms, address: inbound.from, reasons: [.stopKeyword], workspaceID: inbox.workspaceID)
                return true
            }
            let customerID = try await resolveCustomer(contact, transaction: transaction, workspaceID: inbox.workspaceID, inbox: inbox)
            try await session.suppressions.suppress(Suppression(
                workspaceID: inbox.workspaceID, channel: .sms, address: inbound.from, reason: .stopKeyword, source: "sms_keyword", createdAt: now))
            _ = try await consents.change(
                ConsentInput(
                    purpose: ConsentPurpose.marketing.rawValue, channel: ConsentChannel.sms.rawValue, status: "withdrawn",
                    occurredAt: inbound.occurredAt,
                    text: "SMS keyword \((inbound.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).uppercased())"),
                source: .keyword, customerID: customerID, witness: .none, actor: "inbox:\(inbox.id)", workspaceID: inbox.workspaceID,
                in: transaction)
            return true
        }
    }
}
