/// What the event webhook answers Amazon SNS about a subscription: taken, and whether Rapport
/// confirmed it (a subscription confirmation) or not (an unsubscribe confirmation, which
/// changes nothing).
struct SNSSubscriptionResponse: Encodable {
    let received = true
    let confirmed: Bool
}
