/// What an inbound e-mail webhook answers when the mail was an unsubscribe request: taken,
/// and not a conversation.
struct UnsubscribedByMailResponse: Encodable {
    let received = true
    let unsubscribed = true
}
