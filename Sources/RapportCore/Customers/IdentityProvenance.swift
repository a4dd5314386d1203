/// How Rapport learned that a customer holds an identity.
///
/// *Proven*: the identity came with proof that cannot be forged from a browser — a message
/// received from that WhatsApp, SMS, Messenger or Instagram id (the provider signed the
/// webhook), a signed shop webhook, a web-chat user whose HMAC checked, a call made with a
/// secret API key or a server write key, an operator's import.
///
/// *Asserted*: someone said so without proof — a call made with a public (browser) write key,
/// an unsigned web-chat visitor, an e-mail's `From:` header, a caller id.
///
/// Only proven links merge customers on their own, prove a conversation to the bot, or move
/// an identity away from a profile that merely asserted it.
public enum IdentityProvenance: String, Sendable, Codable, CaseIterable {
    case proven
    case asserted
}
