/// The identities a conversation's contact is found by, and how far the channel proves them.
///
/// A message that a provider delivered through its signed webhook (WhatsApp, SMS, Messenger,
/// Instagram) proves that its sender holds that id, and so does a web-chat user whose id the
/// shop signed. An e-mail's `From:`, a caller id and an unsigned web-chat visitor can be
/// forged or made up, so they only assert who is writing.
enum ContactIdentity {
    /// The identities a message from `address` on `channel` names, before normalisation.
    static func inputs(channel: InboxChannel, address: String) -> [IdentityInput] {
        if channel == .webchat {
            return ChatContact(address: address).map { [$0.identity] } ?? []
        }
        guard let kind = channel.identityKind else { return [] }
        let value = kind == .whatsapp && !address.hasPrefix("+") ? "+" + address : address
        var identities = [IdentityInput(kind: kind.rawValue, value: value, source: channel.rawValue)]
        if kind == .whatsapp { identities.append(IdentityInput(kind: IdentityKind.phone.rawValue, value: value, source: channel.rawValue)) }
        return identities
    }

    /// Whether the channel proves that the writer holds the address.
    static func provenance(channel: InboxChannel, address: String) -> IdentityProvenance {
        switch channel {
        case .whatsapp, .sms, .messenger, .instagram: .proven
        case .webchat: if case .user = ChatContact(address: address) { .proven } else { .asserted }
        case .email, .voice, .store: .asserted
        }
    }

    /// Whether a conversation with `address` on `channel` is proven to be `customer`'s: the
    /// channel proves the sender holds the address, *and* the customer's link to that address
    /// is itself proven (not merely asserted by a browser, say).
    static func proves(channel: InboxChannel, address: String, customer: Customer?, normalizer: IdentityNormalizer) -> Bool {
        guard let customer, provenance(channel: channel, address: address) == .proven else { return false }
        let keys = Set(inputs(channel: channel, address: address).compactMap { try? normalizer.normalize($0, field: "from").get().key })
        return customer.identities.contains { $0.provenance == .proven && keys.contains($0.key) }
    }
}
