/// What an inbound e-mail webhook answers when the mail was a bounce: taken, not a
/// conversation, and how many addresses it suppressed (none when it quoted no message this
/// inbox sent, or only delays).
struct DeliveryReportResponse: Encodable {
    let received = true
    let deliveryReport = true
    let suppressed: Int
}
