import RapportCore

/// A campaign's e-mail as one customer (or the sample) would get it, as the API shows it:
/// `to` is null when the customer has no e-mail address (the sender would skip them).
struct CampaignPreviewResponse: Encodable {
    let object = "campaign_preview"
    /// Null for the sample recipient.
    let customerID: String?
    let html: String
    let locale: String
    let preheader: String?
    let subject: String
    let text: String
    let to: String?
    /// The A/B/n version shown (`A` the campaign's own content); null without a test.
    let variant: String?

    init(_ preview: CampaignPreview) {
        customerID = preview.customerID
        html = preview.email.html
        locale = preview.locale
        preheader = preview.email.preheader
        subject = preview.email.subject
        text = preview.email.text
        to = preview.to
        variant = preview.variant
    }
}
