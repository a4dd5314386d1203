/// What the Event Webhook answers: taken, and how many reports changed something.
struct EmailEventsResponse: Encodable {
    let applied: Int
    let received = true
}
