import RapportCore

/// A test send as the API shows it: where it went, its subject (`[Test] …`), the content's
/// locale and the mail server's message id.
struct CampaignTestSendResponse: Encodable {
    let object = "campaign_test_send"
    let locale: String
    let messageID: String
    let subject: String
    let to: String
    /// The A/B/n version sent; null without a test.
    let variant: String?

    init(_ sent: CampaignTestSend) {
        locale = sent.locale
        messageID = sent.messageID
        subject = sent.subject
        to = sent.to
        variant = sent.variant
    }
}
